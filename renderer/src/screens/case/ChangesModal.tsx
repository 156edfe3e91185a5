import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { vocab, type CaseDetail } from '../../../../electron/core/api/contract';
import { optionLabel } from '../../i18n/labels';
import { hasChanges, type CaseFieldKey } from './caseDiff';
import { itemKindLabel } from './items/itemKinds';
import type { ShownChanges } from './workspace';

/** "This case was changed by someone else": what they changed, and that nothing of ours was saved. */
export function ChangesModal({ shown, onClose }: { shown: ShownChanges | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!shown) return null;
  const { changes, before, after } = shown;
  const stepStatus = (s: string) => t(`caseView.stepStatus.${s as 'pending'}`);
  const requirementStatus = (s: string) => optionLabel(vocab.requirementStatuses.items, s);

  return (
    <Modal opened onClose={onClose} title={t('caseView.conflictTitle')} size="lg">
      <Stack gap="sm" data-testid="case-changes">
        <Text size="sm">{t('caseView.conflictIntro')}</Text>
        {hasChanges(changes) ? (
          <List size="sm" spacing={4}>
            {changes.fields.map((f) => (
              <List.Item key={f}>{fieldChange(f, before, after, t)}</List.Item>
            ))}
            {changes.steps.map((s) => (
              <List.Item key={`step-${s.code}`}>
                {t('caseView.changedStep', { label: s.label, from: stepStatus(s.from), to: stepStatus(s.to) })}
              </List.Item>
            ))}
            {changes.requirements.map((r) => (
              <List.Item key={`req-${r.code}`}>
                {t('caseView.changedRequirement', { label: r.label, from: requirementStatus(r.from), to: requirementStatus(r.to) })}
              </List.Item>
            ))}
            {changes.personsAdded.map((p) => (
              <List.Item key={`pa-${p.personId}-${p.role}`}>
                {t('caseView.addedPerson', { name: p.fullName, role: optionLabel(vocab.personRoles.items, p.role) })}
              </List.Item>
            ))}
            {changes.personsChanged.map((p) => (
              <List.Item key={`pc-${p.personId}`}>{t('caseView.changedPerson', { name: p.fullName })}</List.Item>
            ))}
            {changes.itemsAdded.map((i) => (
              <List.Item key={`ia-${i.id}`}>{t('caseView.addedItem', { kind: itemKindLabel(i.kind, t), n: i.seq })}</List.Item>
            ))}
            {changes.itemsChanged.map((i) => (
              <List.Item key={`ic-${i.id}`}>{t('caseView.changedItem', { kind: itemKindLabel(i.kind, t), n: i.seq })}</List.Item>
            ))}
            {changes.itemsRemoved.map((i) => (
              <List.Item key={`ir-${i.id}`}>{t('caseView.removedItem', { kind: itemKindLabel(i.kind, t), n: i.seq })}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t('caseView.conflictNoVisibleChange')}</Text>
        )}
        <Text size="sm" fw={600}>
          {t('caseView.conflictNothingSaved')}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {t('caseView.conflictReviewed')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function fieldChange(key: CaseFieldKey, before: CaseDetail, after: CaseDetail, t: TFunction): string {
  const label = t(`caseView.fields.${key}`);
  switch (key) {
    case 'riskLevel':
      return t('caseView.changedFromTo', {
        label,
        from: t(`caseView.risk.${before.riskLevel as 'low'}`),
        to: t(`caseView.risk.${after.riskLevel as 'low'}`),
      });
    case 'assignedTo':
      return t('caseView.changedFromTo', {
        label,
        from: before.assignedTo?.fullName ?? t('caseView.unassigned'),
        to: after.assignedTo?.fullName ?? t('caseView.unassigned'),
      });
    case 'status':
      return t('caseView.changedFromTo', {
        label,
        from: optionLabel(vocab.caseStatuses.items, before.status),
        to: optionLabel(vocab.caseStatuses.items, after.status),
      });
    default:
      return t('caseView.changedField', { label });
  }
}
