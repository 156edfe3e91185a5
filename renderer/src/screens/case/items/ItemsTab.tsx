import { Badge, Button, Card, Group, Modal, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, InstitutionView } from '../../../../../electron/core/api/contract';
import { call } from '../../../api/client';
import { useCan, useInstitutions } from '../../../api/queries';
import { FormActions } from '../../../components/FormActions';
import { CaseReasonModal } from '../CaseReasonModal';
import { FieldInput, fieldPayload, fieldText, fieldValues, missingRequired, type FieldValues } from '../fields';
import { useCaseForm, useCaseWorkspace } from '../workspace';
import { itemFields, itemKindLabel, itemKindsOf, itemStatusOptions, type ItemKind } from './itemKinds';

type Item = CaseDetail['items'][number];
type Dialog = { mode: 'edit'; kind: ItemKind; item: Item | null } | { mode: 'remove'; kind: ItemKind; item: Item } | null;

const statusColor: Record<string, string> = {
  open: 'gray',
  carried_out: 'teal',
  partly: 'yellow',
  not_carried_out: 'red',
  planned: 'blue',
  done: 'teal',
  missed: 'red',
  draft: 'gray',
  sent: 'blue',
  received: 'cyan',
  served: 'teal',
  declined: 'red',
  closed: 'gray',
};

/** Mediation sessions, agreement points, monitoring visits, referrals: one table and one form per kind. */
export function ItemsTab() {
  const { t } = useTranslation();
  const { base: c, editable } = useCaseWorkspace();
  const can = useCan();
  // Referrals are followed up after the case is closed (the institution reports back).
  const editableKind = (kind: ItemKind) => editable || (kind === 'referral' && c.status === 'closed' && can('cases.work'));
  const institutions = useInstitutions(true);
  const [dialog, setDialog] = useState<Dialog>(null);
  const directory = institutions.data ?? [];

  return (
    <Stack gap="md">
      {itemKindsOf(c).map((kind) => {
        const fields = itemFields(kind, t, directory);
        const statuses = itemStatusOptions(kind, t);
        const rows = c.items.filter((i) => i.kind === kind).sort((a, b) => a.seq - b.seq);
        const editable = editableKind(kind);
        return (
          <Card key={kind} withBorder padding="md" component="section" aria-label={itemKindLabel(kind, t)} data-testid={`items-${kind}`}>
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} size="h5">
                  {itemKindLabel(kind, t)}
                </Title>
                {editable && (
                  <Button size="xs" variant="light" onClick={() => setDialog({ mode: 'edit', kind, item: null })}>
                    {t(`caseItems.${kind}.add`)}
                  </Button>
                )}
              </Group>
              {rows.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('common.noData')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={700}>
                  <Table verticalSpacing="xs" striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={48}>{t('caseItems.no')}</Table.Th>
                        {fields.map((f) => (
                          <Table.Th key={f.key}>{f.label}</Table.Th>
                        ))}
                        {statuses && <Table.Th>{t(`caseItems.${kind}.status` as 'caseItems.referral.status')}</Table.Th>}
                        {editable && <Table.Th>{t('common.actions')}</Table.Th>}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((item) => (
                        <Table.Tr key={item.id} data-testid={`item-${kind}-${item.seq}`}>
                          <Table.Td>{item.seq}</Table.Td>
                          {fields.map((f) => (
                            <Table.Td key={f.key} style={{ whiteSpace: 'pre-wrap' }}>
                              {fieldText(f, item.data[f.key], t)}
                            </Table.Td>
                          ))}
                          {statuses && (
                            <Table.Td>
                              {item.status && (
                                <Badge variant="light" color={statusColor[item.status] ?? 'gray'}>
                                  {statuses.find((s) => s.value === item.status)?.label ?? item.status}
                                </Badge>
                              )}
                            </Table.Td>
                          )}
                          {editable && (
                            <Table.Td>
                              <Group gap={4} wrap="nowrap">
                                <Button
                                  size="compact-xs"
                                  variant="default"
                                  aria-label={`${t('caseItems.edit')} ${itemKindLabel(kind, t)} ${item.seq}`}
                                  onClick={() => setDialog({ mode: 'edit', kind, item })}
                                >
                                  {t('caseItems.edit')}
                                </Button>
                                <Button
                                  size="compact-xs"
                                  variant="light"
                                  color="red"
                                  aria-label={`${t('caseItems.remove')} ${itemKindLabel(kind, t)} ${item.seq}`}
                                  onClick={() => setDialog({ mode: 'remove', kind, item })}
                                >
                                  {t('caseItems.remove')}
                                </Button>
                              </Group>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          </Card>
        );
      })}
      {dialog?.mode === 'edit' && (
        <ItemFormModal kind={dialog.kind} item={dialog.item} directory={directory} onClose={() => setDialog(null)} />
      )}
      {dialog?.mode === 'remove' && <RemoveItemModal kind={dialog.kind} item={dialog.item} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

interface ItemValues {
  data: FieldValues;
  status: string;
}

function ItemFormModal(props: { kind: ItemKind; item: Item | null; directory: readonly InstitutionView[]; onClose: () => void }) {
  const { kind, item, directory, onClose } = props;
  const { t } = useTranslation();
  // The directory's active institutions, and the one already chosen even if it has since been deactivated.
  const choices = directory.filter((i) => i.active || i.id === item?.data.institutionId);
  const fields = itemFields(kind, t, choices);
  const statuses = itemStatusOptions(kind, t);
  const { form, submit } = useCaseForm<ItemValues>({
    values: (c) => {
      const current = item ? (c.items.find((i) => i.id === item.id) ?? item) : null;
      return { data: fieldValues(fields, current?.data), status: current?.status ?? statuses?.[0]?.value ?? '' };
    },
    validate: (values) => missingRequired(fields, values.data, t),
    send: (v, ref) =>
      call('items.save', {
        ...ref,
        kind,
        ...(item ? { itemId: item.id } : {}),
        data: fieldPayload(fields, v.data),
        ...(statuses && v.status ? { status: v.status } : {}),
      }),
    onSaved: onClose,
  });
  const title = item ? `${t('caseItems.edit')} ${itemKindLabel(kind, t)} ${item.seq}` : t(`caseItems.${kind}.add`);

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          {kind === 'referral' && choices.length === 0 && (
            <Text size="sm" c="red">
              {t('caseItems.noInstitutions')}
            </Text>
          )}
          {fields.map((f) => (
            <FieldInput key={f.key} field={f} form={form} path={`data.${f.key}`} />
          ))}
          {statuses && (
            <NativeSelect
              label={t(`caseItems.${kind}.status` as 'caseItems.referral.status')}
              data={statuses}
              key={form.key('status')}
              {...form.getInputProps('status')}
            />
          )}
          <FormActions submit={submit} label={t('common.save')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveItemModal({ kind, item, onClose }: { kind: ItemKind; item: Item; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <CaseReasonModal
      onClose={onClose}
      title={`${t('caseItems.remove')} ${itemKindLabel(kind, t)} ${item.seq}?`}
      explain={t('caseItems.removeExplain')}
      reasonLabel={t('caseItems.removeReason')}
      maxLength={500}
      confirmLabel={t('caseItems.remove')}
      confirmColor="red"
      send={(reason, ref) => call('items.remove', { ...ref, itemId: item.id, reason })}
    />
  );
}
