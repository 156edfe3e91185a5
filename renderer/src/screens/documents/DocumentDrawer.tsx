import { Alert, Anchor, Badge, Button, Divider, Drawer, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentDetail, FileTarget } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useCan, useDocumentDetail, useDocumentTypes } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { ReasonModal } from '../../components/ReasonModal';
import { formatDate } from '../../i18n/format';
import { formatMoment } from '../case/format';
import { DocumentPreview } from './DocumentPreview';
import { GenerateDocumentModal, type GenerateRequest } from './GenerateDocumentModal';
import { ScansSection } from './ScansSection';
import { useDocumentFiles } from './useDocumentFiles';

/**
 * One document of the register: its pages, its versions, what can be done with it (print,
 * open in Word, save a copy, make a new version, void) and its signed scans. Used by the case
 * screen and by the letter register alike.
 */
export function DocumentDrawer(props: { id: string | null; onClose: () => void; onOpened?: (id: string) => void; showCase?: boolean; caseVersion?: number }) {
  const { t } = useTranslation();
  const detail = useDocumentDetail(props.id);
  return (
    <Drawer
      opened={props.id !== null}
      onClose={props.onClose}
      position="right"
      size={900}
      title={detail.data ? `${detail.data.typeTitle}${detail.data.number ? ` · ${detail.data.number}` : ''}` : t('documents.title')}
    >
      {detail.isPending ? <Loading /> : detail.isError ? <FormError error={detail.error} /> : <DocumentBody key={detail.data.id} doc={detail.data} {...props} />}
    </Drawer>
  );
}

function DocumentBody({ doc, showCase, caseVersion, onOpened }: { doc: DocumentDetail; showCase?: boolean; caseVersion?: number; onOpened?: (id: string) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const files = useDocumentFiles();
  const [versionNo, setVersionNo] = useState(doc.latestVersion);
  const [voiding, setVoiding] = useState(false);
  const [regenerate, setRegenerate] = useState<GenerateRequest | null>(null);
  const types = useDocumentTypes(doc.caseId);
  const typeView = types.data?.find((x) => x.code === doc.type);
  const mayWork = can('cases.work');
  const target: FileTarget = { kind: 'document', id: doc.id, versionNo };

  // A new version made here (or elsewhere) is the one to show.
  useEffect(() => setVersionNo(doc.latestVersion), [doc.latestVersion]);

  return (
    <Stack gap="md" data-testid="document-detail">
      {doc.status === 'void' && (
        <Alert color="red" variant="light" title={t('documents.voided')}>
          <Text size="sm">{doc.voidReason}</Text>
          <Text size="xs" c="dimmed">
            {doc.voidedBy} · {formatMoment(doc.voidedAt)}
          </Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4}>
        <Fact label={t('documents.fields.number')}>{doc.number ?? t('documents.unnumbered')}</Fact>
        <Fact label={t('documents.fields.letterDate')}>{formatDate(doc.letterDate)}</Fact>
        <Fact label={t('documents.fields.hal')}>{doc.hal || '—'}</Fact>
        <Fact label={t('documents.fields.addressee')}>{doc.addressee ? doc.addressee.split('\n').join('; ') : '—'}</Fact>
        {showCase && doc.caseId && (
          <Fact label={t('documents.fields.case')}>
            <Anchor component={Link} to={`/cases/${doc.caseId}`}>
              {doc.registerNo}
            </Anchor>
          </Fact>
        )}
        <Fact label={t('documents.fields.made')}>
          {doc.createdBy ?? '—'} · {formatMoment(doc.createdAt)}
        </Fact>
      </SimpleGrid>

      <Group justify="space-between" align="flex-end">
        {doc.versions.length > 1 ? (
          <SegmentedControl
            aria-label={t('documents.versions')}
            value={String(versionNo)}
            onChange={(v) => setVersionNo(Number(v))}
            data={doc.versions.map((v) => ({ value: String(v.versionNo), label: t('documents.version', { n: v.versionNo }) }))}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('documents.version', { n: versionNo })}
          </Text>
        )}
        <Group gap="xs">
          <Button variant="light" disabled={files.busy} onClick={() => void files.print(doc.id, versionNo)}>
            {t('documents.actions.print')}
          </Button>
          <Button variant="light" disabled={files.busy} onClick={() => void files.open(target)}>
            {t('documents.actions.openInWord')}
          </Button>
          <Button variant="default" disabled={files.busy} onClick={() => files.save(target)}>
            {t('documents.actions.saveAs')}
          </Button>
        </Group>
      </Group>
      <VersionLine doc={doc} versionNo={versionNo} />
      <DocumentPreview id={doc.id} versionNo={versionNo} />

      {mayWork && doc.status === 'active' && (
        <Group gap="xs">
          {doc.caseId && typeView?.mayMake && (
            <Button variant="default" onClick={() => setRegenerate({ caseId: doc.caseId!, caseVersion, type: typeView, documentId: doc.id })}>
              {t('documents.actions.newVersion')}
            </Button>
          )}
          <Button variant="subtle" color="red" onClick={() => setVoiding(true)}>
            {t('documents.actions.void')}
          </Button>
        </Group>
      )}

      <Divider />
      <ScansSection doc={doc} open={files.open} save={files.save} busy={files.busy} />

      {files.modal}
      <GenerateDocumentModal
        request={regenerate}
        onClose={() => setRegenerate(null)}
        onMade={(d) => {
          setRegenerate(null);
          onOpened?.(d.id);
        }}
        onConflict={() => void client.invalidateQueries({ queryKey: keys.caseDetail(doc.caseId ?? '') })}
      />
      <ReasonModal
        opened={voiding}
        onClose={() => setVoiding(false)}
        title={t('documents.voidTitle', { number: doc.number ?? doc.typeTitle })}
        explain={t('documents.voidExplain')}
        reasonLabel={t('documents.reason')}
        confirmLabel={t('documents.actions.void')}
        act={async (reason) => {
          const next = await call('documents.void', { id: doc.id, version: doc.version, reason });
          client.setQueryData(keys.documentDetail(next.id), next);
          await client.invalidateQueries({ queryKey: keys.documentsAll });
        }}
        onConflict={() => void client.invalidateQueries({ queryKey: keys.documentDetail(doc.id) })}
      />
    </Stack>
  );
}

function VersionLine({ doc, versionNo }: { doc: DocumentDetail; versionNo: number }) {
  const { t } = useTranslation();
  const v = doc.versions.find((x) => x.versionNo === versionNo);
  if (!v) return null;
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="xs" c="dimmed">
        {t('documents.versionMade', { who: v.generatedBy ?? '—', when: formatMoment(v.generatedAt) })}
        {v.signer ? ` · ${t('documents.signedBy', { name: v.signer })}` : ''}
      </Text>
      <Badge variant="outline" color="gray" size="sm" ff="monospace" title={v.sha256}>
        SHA-256 {v.sha256.slice(0, 12)}…
      </Badge>
    </Group>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}
