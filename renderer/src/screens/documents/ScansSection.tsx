import { Badge, Button, FileButton, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SCAN_BYTES, type DocumentDetail, type DocumentScanView, type FileTarget } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { describeError } from '../../api/errors';
import { keys, useCan } from '../../api/queries';
import { ReasonModal } from '../../components/ReasonModal';
import { readAsDataUrl } from '../../components/readFile';
import { formatMoment } from '../case/format';
import { DataTable, TwoLineCell } from '../../components/DataTable';

const scanMime = (file: File): 'application/pdf' | 'image/jpeg' | null => {
  if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) return 'application/pdf';
  if (file.type === 'image/jpeg' || /\.jpe?g$/i.test(file.name)) return 'image/jpeg';
  return null;
};

/** The signed paper copies of a document: attach a PDF or JPEG, open or save one, remove a wrong one (with a reason). */
export function ScansSection(props: {
  doc: DocumentDetail;
  open: (target: FileTarget) => Promise<void>;
  save: (target: FileTarget) => void;
  busy: boolean;
}) {
  const { doc } = props;
  const { t } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const [attaching, setAttaching] = useState(false);
  const [removing, setRemoving] = useState<DocumentScanView | null>(null);
  const mayWork = can('cases.work');
  const shown = doc.scanList;

  const refresh = (next: DocumentDetail) => {
    client.setQueryData(keys.documentDetail(next.id), next);
    void client.invalidateQueries({ queryKey: keys.documentsAll });
  };

  async function attach(file: File | null) {
    if (!file) return;
    const fail = (message: string) => notifications.show({ color: 'red', title: t('errors.title'), message });
    const mime = scanMime(file);
    if (!mime) return fail(t('documents.scans.wrongType'));
    if (file.size > MAX_SCAN_BYTES) return fail(t('documents.scans.tooLarge'));
    setAttaching(true);
    try {
      const dataUrl = await readAsDataUrl(file);
      const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
      refresh(await call('documents.attachScan', { id: doc.id, fileName: file.name, mime, base64, note: note.trim() }));
      // The new row in the list above is the confirmation (a notice would cover the drawer's controls).
      setNote('');
    } catch (e) {
      fail(describeError(e, t));
    } finally {
      setAttaching(false);
    }
  }

  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {t('documents.scans.title')}
      </Title>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('documents.scans.none')}
        </Text>
      ) : (
        <DataTable
          striped={false}
          verticalSpacing={4}
          testId="document-scans"
          columns={[{ label: t('documents.scans.file') }, { label: t('documents.scans.attachedAt') }, { label: t('documents.scans.note') }, { label: t('common.actions') }]}
        >
          {shown.map((s) => {
            const target: FileTarget = { kind: 'document', id: doc.id, scanId: s.id };
            return (
              <Table.Tr key={s.id} c={s.removed ? 'dimmed' : undefined}>
                <Table.Td>
                  <Text size="sm" td={s.removed ? 'line-through' : undefined}>
                    {s.fileName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.mime === 'application/pdf' ? 'PDF' : 'JPEG'} · {Math.ceil(s.size / 1024)} KB
                  </Text>
                </Table.Td>
                <TwoLineCell primary={formatMoment(s.attachedAt)} secondary={s.attachedBy ?? ''} strong={false} />
                <Table.Td>
                  {s.removed ? (
                    <Stack gap={2}>
                      <Badge color="gray" variant="light">
                        {t('documents.scans.removed')}
                      </Badge>
                      <Text size="xs">{s.removed.reason}</Text>
                    </Stack>
                  ) : (
                    <Text size="sm">{s.note}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {!s.removed && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="light" disabled={props.busy} onClick={() => void props.open(target)}>
                        {t('documents.actions.open')}
                      </Button>
                      <Button size="compact-xs" variant="default" disabled={props.busy} onClick={() => props.save(target)}>
                        {t('documents.actions.save')}
                      </Button>
                      {mayWork && (
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(s)}>
                          {t('documents.scans.remove')}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
      {mayWork && doc.status === 'active' && (
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('documents.scans.noteLabel')}
            placeholder={t('documents.scans.notePlaceholder')}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <FileButton onChange={(f) => void attach(f)} accept="application/pdf,image/jpeg,.pdf,.jpg,.jpeg">
            {(p) => (
              <Button {...p} variant="light" loading={attaching}>
                {t('documents.scans.attach')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      <ReasonModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('documents.scans.removeTitle', { fileName: removing?.fileName ?? '' })}
        explain={t('documents.scans.removeExplain')}
        reasonLabel={t('documents.reason')}
        confirmLabel={t('documents.scans.remove')}
        act={async (reason) => refresh(await call('documents.removeScan', { id: doc.id, scanId: removing!.id, reason }))}
      />
    </Stack>
  );
}
