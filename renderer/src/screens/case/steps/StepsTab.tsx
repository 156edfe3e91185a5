import { Accordion, Alert, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../electron/core/api/contract';
import { FieldData } from '../fields';
import { formatMoment } from '../format';
import { itemKindLabel } from '../items/itemKinds';
import { useCaseWorkspace } from '../workspace';
import { letterName, stepDefOf, type StepView } from './steps';
import { SkipStep } from './SkipStep';
import { StepForm } from './StepForm';

const statusColor: Record<StepView['status'], string> = { pending: 'gray', submitted: 'orange', done: 'teal', skipped: 'gray' };

/** Whether a step is urgent: a crisis step of a high-risk case not yet done. */
const isUrgent = (c: CaseDetail, s: StepView) => s.crisis && c.riskLevel === 'high' && s.status === 'pending';

/**
 * Steps worth seeing at once: the one the case is at (with what holds it up), the ones that can be
 * worked on, those waiting for a head or refused, and urgent crisis steps.
 */
function autoExpanded(c: CaseDetail): string[] {
  const current = c.status === 'closed' ? undefined : c.steps.find((s) => s.status !== 'done' && s.status !== 'skipped' && !s.optional);
  return c.steps
    .filter(
      (s) =>
        s === current ||
        (s.status === 'pending' && (s.open || s.declineOutcomes.length > 0 || s.lastRejection)) ||
        s.status === 'submitted' ||
        isUrgent(c, s),
    )
    .map((s) => s.code);
}

/** The standard's steps in order: who acts, what was done, and the form of each step that can be worked on now. */
export function StepsTab({ onShowItems, onShowDocuments }: { onShowItems: () => void; onShowDocuments: () => void }) {
  const { base: c } = useCaseWorkspace();
  const [expanded, setExpanded] = useState<string[]>(() => autoExpanded(c));
  useEffect(() => setExpanded(autoExpanded(c)), [c.version]);

  return (
    <Accordion multiple value={expanded} onChange={setExpanded} variant="separated" chevronPosition="left">
      {c.steps.map((s, i) => {
        const urgent = isUrgent(c, s);
        return (
          <Accordion.Item
            key={s.code}
            value={s.code}
            data-testid={`step-${s.code}`}
            style={urgent ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
          >
            <Accordion.Control aria-label={`${i + 1}. ${s.label}`}>
              <StepSummary n={i + 1} step={s} urgent={urgent} />
            </Accordion.Control>
            <Accordion.Panel>
              <StepBody step={s} onShowItems={onShowItems} onShowDocuments={onShowDocuments} />
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}

function StepSummary({ n, step: s, urgent }: { n: number; step: StepView; urgent: boolean }) {
  const { t } = useTranslation();
  const { base: c } = useCaseWorkspace();
  const def = stepDefOf(c, s.code);
  const outcome = def?.outcomes?.find((o) => o.value === s.outcome);
  const status = s.status !== 'pending' ? s.status : s.open ? 'open' : 'waiting';

  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>
          {n}. {s.label}
        </Text>
        <Badge color={status === 'open' ? 'blue' : statusColor[s.status]} variant="light" data-testid="step-status">
          {t(`caseView.stepStatus.${status}`)}
        </Badge>
        {s.approval && (
          <Badge color="grape" variant="outline" size="sm">
            {t('caseView.needsApproval')}
          </Badge>
        )}
        {s.optional && (
          <Badge color="gray" variant="outline" size="sm">
            {t('caseView.optionalStep')}
          </Badge>
        )}
        {urgent && (
          <Badge color="red" variant="filled" size="sm">
            {t('caseView.crisisNow')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {s.actorTitle}
        {s.status === 'done' && s.completedAt && ` · ${t('caseView.doneBy', { by: s.completedBy ?? '—', at: formatMoment(s.completedAt) })}`}
        {s.status === 'done' && s.approved && ` · ${t('caseView.approvedBy', { by: s.approved.by, at: formatMoment(s.approved.at) })}`}
        {s.status === 'skipped' && s.completedAt && ` · ${t('caseView.skippedBy', { by: s.completedBy ?? '—', at: formatMoment(s.completedAt) })}`}
        {s.status === 'submitted' && s.pendingApproval && ` · ${t('caseView.submittedBy', { by: s.pendingApproval.requestedBy, at: formatMoment(s.pendingApproval.requestedAt) })}`}
      </Text>
      {outcome && s.status !== 'pending' && (
        <Text size="sm">
          {t('caseView.outcome')}: <b>{outcome.label}</b>
        </Text>
      )}
    </Stack>
  );
}

function StepBody({ step: s, onShowItems, onShowDocuments }: { step: StepView; onShowItems: () => void; onShowDocuments: () => void }) {
  const { t } = useTranslation();
  const { base: c, editable } = useCaseWorkspace();
  const def = stepDefOf(c, s.code);
  const fields = def?.fields ?? [];
  const collections = def?.collections ?? [];
  const workable = s.status === 'pending' && (s.open || s.declineOutcomes.length > 0);
  // "Finish the earlier step first" is the order of the standard, not a problem to explain.
  const problems = s.status === 'pending' ? s.blockedBy.filter((r) => !isOrderReason(r, c)) : [];
  const waitsForEarlier = s.status === 'pending' && s.blockedBy.some((r) => isOrderReason(r, c));

  return (
    <Stack gap="sm">
      <Text size="sm">{s.description}</Text>
      {def?.products && def.products.length > 0 && (
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {t('caseView.products')}: {def.products.map((p) => letterName(p, t)).join(', ')}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={onShowDocuments}>
            {t('caseView.toDocuments')}
          </Button>
        </Group>
      )}

      {s.lastRejection && s.status === 'pending' && (
        <Alert color="red" variant="light" title={t('caseView.rejectedTitle', { by: s.lastRejection.by, at: formatMoment(s.lastRejection.at) })}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="rejection-comment">
            {s.lastRejection.comment}
          </Text>
        </Alert>
      )}

      {waitsForEarlier && problems.length === 0 && (
        <Text size="sm" c="dimmed">
          {s.blockedBy.filter((r) => isOrderReason(r, c)).join(' ')}
        </Text>
      )}
      {problems.length > 0 && (
        <Alert color={s.declineOutcomes.length ? 'red' : 'yellow'} variant="light" title={t('caseView.blockedTitle')} data-testid="step-blocked">
          <List size="sm" spacing={4}>
            {problems.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
          {s.declineOutcomes.length > 0 && (
            <Text size="sm" mt="xs">
              {t('caseView.declineOnly')}
            </Text>
          )}
        </Alert>
      )}

      {collections.length > 0 && (
        <Group gap="xs">
          <Text size="sm">
            {collections
              .map((k) => `${itemKindLabel(k, t)}: ${c.items.filter((i) => i.kind === k).length}`)
              .join(' · ')}
          </Text>
          <Button size="compact-xs" variant="light" onClick={onShowItems}>
            {t('caseView.openItems')}
          </Button>
        </Group>
      )}

      {s.status === 'submitted' && (
        <Alert color="orange" variant="light" title={t('caseView.pendingTitle')}>
          <Stack gap="xs">
            {s.pendingApproval && (
              <Text size="sm">
                {t('caseView.pendingText', { by: s.pendingApproval.requestedBy, at: formatMoment(s.pendingApproval.requestedAt) })}
              </Text>
            )}
            <FieldData fields={fields} data={s.data} />
            {s.note && <Text size="sm">{t('caseView.note')}: {s.note}</Text>}
          </Stack>
        </Alert>
      )}

      {(s.status === 'done' || s.status === 'skipped') && (
        <Stack gap="xs">
          <FieldData fields={fields} data={s.data} />
          {s.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {s.status === 'skipped' ? t('caseView.skipReason') : t('caseView.note')}: {s.note}
            </Text>
          )}
        </Stack>
      )}

      {workable && editable && s.mayAct && def && <StepForm step={s} def={def} />}
      {workable && editable && !s.mayAct && (
        <Text size="sm" c="dimmed">
          {t('caseView.notYourStep', { actor: s.actorTitle })}
        </Text>
      )}
      {s.status === 'pending' && s.open && s.optional && editable && s.mayAct && <SkipStep step={s} />}
    </Stack>
  );
}

/** The engine's "finish X first": the only reason that ends by naming another step. */
function isOrderReason(reason: string, c: CaseDetail): boolean {
  return c.steps.some((s) => reason.endsWith(`: ${s.label}.`));
}
