import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AuditEntryView, InputOf, SessionView } from '../../../electron/core/api/contract';
import type { Permission } from '../../../electron/core/api/roles';
import { setOfficeTimeZone } from '../i18n/format';
import { call, isApiCallError } from './client';

/** Query keys, in one place so invalidation and change events agree. */
export const keys = {
  setupStatus: ['setup.status'] as const,
  session: ['session'] as const,
  office: ['office'] as const,
  settings: ['settings'] as const,
  users: ['users'] as const,
  audit: (filter: AuditFilter) => ['audit', filter] as const,
  auditAll: ['audit'] as const,
  services: ['services'] as const,
  regions: (parent: string) => ['regions', parent] as const,
  cases: (filter: CaseFilter) => ['cases', filter] as const,
  casesAll: ['cases'] as const,
  dashboard: ['dashboard'] as const,
  caseDetail: (id: string) => ['case', id] as const,
  approvals: (status: ApprovalStatus) => ['approvals', status] as const,
  approvalsAll: ['approvals'] as const,
  institutions: (includeInactive: boolean) => ['institutions', includeInactive] as const,
  institutionsAll: ['institutions'] as const,
  holidays: (year: number) => ['holidays', year] as const,
  holidaysAll: ['holidays'] as const,
  staff: ['staff'] as const,
  backup: ['backup'] as const,
  documentsAll: ['documents'] as const,
  documents: (filter: DocumentFilter) => ['documents', 'list', filter] as const,
  documentDetail: (id: string) => ['documents', 'detail', id] as const,
  documentTypesAll: ['documents', 'types'] as const,
  documentTypes: (caseId: string | null) => ['documents', 'types', caseId] as const,
  documentSettings: ['documents', 'settings'] as const,
  /** Every figure of the Reports screen and the dashboard's month comparison. */
  reportsAll: ['reports'] as const,
};

/** Which cached queries a change event of a given record type makes stale. */
export const staleOnChange: Record<string, readonly (readonly unknown[])[]> = {
  user: [keys.users, keys.session, keys.staff],
  office: [keys.office, keys.session],
  settings: [keys.settings, keys.session, keys.documentSettings],
  case: [keys.casesAll, keys.dashboard, keys.documentTypesAll, keys.reportsAll],
  approval: [keys.dashboard, keys.approvalsAll],
  institutions: [keys.institutionsAll],
  holidays: [keys.holidaysAll],
  services: [keys.services],
  // A document's number, version or scans changed; a case's changes can change what it may make.
  document: [keys.documentsAll],
};

export function useSetupStatus() {
  return useQuery({ queryKey: keys.setupStatus, queryFn: () => call('setup.status', {}), staleTime: Infinity });
}

/** The session, or null when nobody is logged in on this page. */
export function useSession(enabled = true) {
  return useQuery({
    queryKey: keys.session,
    enabled,
    queryFn: async (): Promise<SessionView | null> => {
      try {
        const session = await call('session.get', {});
        setOfficeTimeZone(session.timeZone);
        return session;
      } catch (e) {
        if (isApiCallError(e, 'UNAUTHENTICATED') || isApiCallError(e, 'LOCKED')) return null;
        throw e;
      }
    },
    staleTime: Infinity,
  });
}

/** The logged-in session; only for screens rendered inside the app shell. */
export function useCurrentSession(): SessionView {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession outside a session');
  return data;
}

export function useCan(): (permission: Permission) => boolean {
  const session = useCurrentSession();
  return (permission) => session.permissions.includes(permission);
}

export function setSession(client: QueryClient, session: SessionView | null): void {
  if (session) setOfficeTimeZone(session.timeZone);
  client.setQueryData(keys.session, session);
}

export function useOffice() {
  return useQuery({ queryKey: keys.office, queryFn: () => call('office.get', {}) });
}

export function useSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => call('settings.get', {}) });
}

export function useUsers() {
  return useQuery({ queryKey: keys.users, queryFn: () => call('users.list', { includeInactive: true }) });
}

export interface AuditFilter {
  action?: string;
  username?: string;
  /** Office-calendar dates (YYYY-MM-DD), inclusive. */
  from?: string;
  to?: string;
}

export const auditPageSize = 50;

export function useAuditEntries(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: keys.audit(filter),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      call('audit.list', {
        limit: auditPageSize,
        ...(pageParam !== undefined ? { beforeSeq: pageParam } : {}),
        ...(filter.action ? { action: filter.action } : {}),
        ...(filter.username ? { username: filter.username } : {}),
        ...(filter.from ? { from: filter.from } : {}),
        ...(filter.to ? { to: filter.to } : {}),
      }),
    getNextPageParam: (last: AuditEntryView[]) =>
      last.length < auditPageSize ? undefined : last[last.length - 1]?.seq,
  });
}

/** The services the office can run (enabled or not), with the current standard of each. */
export function useServices() {
  return useQuery({ queryKey: keys.services, queryFn: () => call('services.list', {}), staleTime: 5 * 60_000 });
}

/** Provinces (parent ''), or the regions under a code; the list never changes while the app runs. */
export function useRegions(parent: string, enabled = true) {
  return useQuery({
    queryKey: keys.regions(parent),
    queryFn: () => call('regions.list', { parent }),
    staleTime: Infinity,
    enabled,
  });
}

export type CaseFilter = InputOf<'cases.list'>;

/** One page of the case list; the previous page stays on screen while the next one loads. */
export function useCaseList(filter: CaseFilter, enabled = true) {
  return useQuery({
    queryKey: keys.cases(filter),
    queryFn: () => call('cases.list', filter),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Deadlines pass without any change event, so the dashboard also looks again every minute. */
export function useDashboard(enabled = true) {
  return useQuery({ queryKey: keys.dashboard, queryFn: () => call('dashboard.get', {}), refetchInterval: 60_000, enabled });
}

/**
 * One case, as the case screen shows it. Not refreshed by the shell's change events: the case
 * screen listens for its own case only and decides when a new version may replace what is shown.
 */
export function useCaseDetail(id: string) {
  return useQuery({ queryKey: keys.caseDetail(id), queryFn: () => call('cases.get', { id }) });
}

export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

export function useApprovals(status: ApprovalStatus, enabled = true) {
  return useQuery({ queryKey: keys.approvals(status), queryFn: () => call('approvals.list', { status }), enabled });
}

export function useInstitutions(includeInactive = false) {
  return useQuery({ queryKey: keys.institutions(includeInactive), queryFn: () => call('institutions.list', { includeInactive }) });
}

export function useHolidays(year: number) {
  return useQuery({ queryKey: keys.holidays(year), queryFn: () => call('holidays.list', { year }) });
}

/** Colleagues a case can be assigned to. */
export function useStaff(enabled = true) {
  return useQuery({ queryKey: keys.staff, queryFn: () => call('staff.list', {}), enabled });
}

export type DocumentFilter = Omit<InputOf<'documents.list'>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

/** A page of the letter register (or one case's documents). */
export function useDocumentList(filter: DocumentFilter, enabled = true) {
  return useQuery({ queryKey: keys.documents(filter), queryFn: () => call('documents.list', filter), enabled, placeholderData: keepPreviousData });
}

export function useDocumentDetail(id: string | null) {
  return useQuery({ queryKey: keys.documentDetail(id ?? ''), queryFn: () => call('documents.get', { id: id! }), enabled: id !== null });
}

/** The document types; for a case, what each can be made from and what stands in the way. */
export function useDocumentTypes(caseId: string | null) {
  return useQuery({ queryKey: keys.documentTypes(caseId), queryFn: () => call('documents.types.list', caseId ? { caseId } : {}) });
}

/** Paper, font and letter numbering, with the next number of each numbered type. */
export function useDocumentSettings(enabled = true) {
  return useQuery({ queryKey: keys.documentSettings, queryFn: () => call('documents.settings.get', {}), enabled });
}

export function useInvalidate() {
  const client = useQueryClient();
  return (...queryKeys: (readonly unknown[])[]) =>
    Promise.all(queryKeys.map((queryKey) => client.invalidateQueries({ queryKey })));
}
