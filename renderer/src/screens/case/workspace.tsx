import { useForm, type FormValidateInput } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { CaseDetail } from '../../../../electron/core/api/contract';
import { useCan } from '../../api/queries';
import { keys } from '../../api/queries';
import { useApiSubmit } from '../../components/useApiSubmit';
import { useEditBase } from '../../components/useEditBase';
import { caseChanges, type CaseChanges } from './caseDiff';

/**
 * The case as this screen shows it, and the rules for replacing it:
 * - a save names the version shown (`base.version`);
 * - a change made elsewhere replaces it only while nobody has unsaved edits on the screen;
 *   otherwise the next save meets CONFLICT, the screen says what changed, and reloads;
 * - nothing is ever overwritten.
 */
interface Workspace {
  base: CaseDetail;
  /** The case may be edited here: it is not closed and the user works cases. */
  editable: boolean;
  /** After one's own successful edit: its answer is the case as it is now. */
  apply(next: CaseDetail): void;
  /** A save met CONFLICT (or the user asked to load the newer version): show what changed, then load it. */
  reload(current: CaseDetail): void;
  reportDirty(key: string, dirty: boolean): void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function useCaseWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useCaseWorkspace outside a case screen');
  return ws;
}

export interface ShownChanges {
  changes: CaseChanges;
  before: CaseDetail;
  after: CaseDetail;
}

export function useCaseWorkspaceState(latest: CaseDetail) {
  const client = useQueryClient();
  const can = useCan();
  const [base, setBase] = useState<CaseDetail>(latest);
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  // Remounting the case's forms after a reload discards edits made against the old version.
  const [epoch, setEpoch] = useState(0);
  const [shown, setShown] = useState<ShownChanges | null>(null);

  const newer = latest.version > base.version ? latest : null;
  useEffect(() => {
    if (newer && dirty.size === 0) setBase(newer);
  }, [newer?.version, dirty.size]);

  const reportDirty = useCallback((key: string, isDirty: boolean) => {
    setDirty((prev) => {
      if (prev.has(key) === isDirty) return prev;
      const next = new Set(prev);
      if (isDirty) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const workspace = useMemo<Workspace>(
    () => ({
      base,
      editable: base.status !== 'closed' && can('cases.work'),
      apply(next) {
        client.setQueryData(keys.caseDetail(next.id), next);
        setBase((prev) => (next.version >= prev.version ? next : prev));
      },
      reload(current) {
        setShown({ changes: caseChanges(base, current), before: base, after: current });
        client.setQueryData(keys.caseDetail(current.id), current);
        setBase(current);
        setDirty(new Set());
        setEpoch((e) => e + 1);
      },
      reportDirty,
    }),
    [base, can, client, reportDirty],
  );

  return {
    workspace,
    epoch,
    /** A newer version waits because someone here has unsaved edits. */
    waiting: newer !== null && dirty.size > 0 ? newer : null,
    shown,
    dismissShown: () => setShown(null),
  };
}

export function CaseWorkspaceProvider({ value, children }: { value: Workspace; children: ReactNode }) {
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** Tells the screen whether this form holds unsaved edits (so a change from elsewhere waits). */
export function useReportDirty(isDirty: boolean): void {
  const { reportDirty } = useCaseWorkspace();
  const key = useId();
  useEffect(() => {
    reportDirty(key, isDirty);
  }, [isDirty]);
  useEffect(() => () => reportDirty(key, false), []);
}

/** What every case edit names: the case, and the version of it the user is looking at. */
export interface CaseRef {
  caseId: string;
  caseVersion: number;
}

interface CaseFormOptions<V> {
  /** The form's values, from the case as shown (blank for a form that adds something). */
  values: (c: CaseDetail) => V;
  validate?: FormValidateInput<V>;
  /** Sends the edit, naming the case and the version of it the user is looking at. */
  send: (values: V, ref: CaseRef) => Promise<CaseDetail>;
  onSaved?: (next: CaseDetail) => void;
}

/**
 * The one way to edit a case: a form filled from the case as shown, refreshed while untouched,
 * reported as dirty while it holds edits; its save names the shown version and meets CONFLICT
 * (what changed, then a reload) when someone else saved first.
 */
export function useCaseForm<V extends Record<string, any>>(options: CaseFormOptions<V>) {
  const ws = useCaseWorkspace();
  const form = useForm<V>({ initialValues: options.values(ws.base), validate: options.validate });
  const edit = useEditBase(form, ws.base, options.values);
  useReportDirty(form.isDirty());

  const submit = useApiSubmit(
    form,
    async (values) => {
      // The shown version, not the one the form was first filled from: a newer version only
      // replaces what is shown while no form is dirty, or after one's own save.
      const next = await options.send(values, { caseId: ws.base.id, caseVersion: ws.base.version });
      edit.load(next);
      ws.apply(next);
      options.onSaved?.(next);
    },
    {
      display: 'inline',
      onConflict: (error) => {
        if (isCaseDetail(error.current)) ws.reload(error.current);
      },
    },
  );

  return { form, submit, reset: () => edit.load(ws.base) };
}

export function isCaseDetail(value: unknown): value is CaseDetail {
  return typeof value === 'object' && value !== null && 'registerNo' in value && 'version' in value && 'steps' in value;
}
