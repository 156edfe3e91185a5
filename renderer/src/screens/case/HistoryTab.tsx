import { Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { vocab, type CaseDetail } from '../../../../electron/core/api/contract';
import { auditActionLabel } from '../../i18n';
import { optionLabel } from '../../i18n/labels';
import { formatMoment } from './format';
import { itemKindLabel } from './items/itemKinds';
import { stepDefOf } from './steps/steps';
import { useCaseWorkspace } from './workspace';

/** Every change to the case, newest first, from the audit trail. */
export function HistoryTab() {
  const { t } = useTranslation();
  const { base: c } = useCaseWorkspace();
  if (c.history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('common.noData')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped verticalSpacing="xs" data-testid="case-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={200}>{t('audit.time')}</Table.Th>
            <Table.Th w={140}>{t('audit.user')}</Table.Th>
            <Table.Th w={200}>{t('audit.action')}</Table.Th>
            <Table.Th>{t('caseView.historyDetail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.history.map((h, i) => (
            <Table.Tr key={`${h.at}-${i}`}>
              <Table.Td>{formatMoment(h.at)}</Table.Td>
              <Table.Td ff="monospace">{h.username ?? t('audit.system')}</Table.Td>
              <Table.Td>{auditActionLabel(h.action)}</Table.Td>
              <Table.Td>{describeDetail(h.detail, c, t)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The audit entry's detail (what was touched, never case content) in words. */
function describeDetail(detail: string | null, c: CaseDetail, t: TFunction): string {
  if (!detail) return '';
  let d: Record<string, unknown>;
  try {
    d = JSON.parse(detail) as Record<string, unknown>;
  } catch {
    return detail;
  }
  const parts: string[] = [];
  if (typeof d.step === 'string') {
    const def = stepDefOf(c, d.step);
    parts.push(def?.label ?? d.step);
    const outcome = def?.outcomes?.find((o) => o.value === d.outcome);
    if (outcome) parts.push(outcome.label);
  }
  if (d.submitted) parts.push(t('caseView.historySubmitted'));
  if (d.skipped) parts.push(t('caseView.historySkipped'));
  if (d.decision === 'approve') parts.push(t('caseView.historyApproved'));
  if (d.decision === 'reject') parts.push(t('caseView.historyRejected'));
  if (typeof d.requirement === 'string') {
    const r = c.requirements.find((x) => x.code === d.requirement);
    parts.push(`${r?.label ?? d.requirement}: ${optionLabel(vocab.requirementStatuses.items, String(d.status ?? ''))}`);
  }
  if (typeof d.kind === 'string') parts.push(itemKindLabel(d.kind, t) + (d.removed ? ` (${t('caseView.historyRemoved')})` : ''));
  if (typeof d.role === 'string') parts.push(optionLabel(vocab.personRoles.items, d.role));
  if (Array.isArray(d.fields) && d.fields.length) parts.push(d.fields.join(', '));
  return parts.join(' · ');
}
