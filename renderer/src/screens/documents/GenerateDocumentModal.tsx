import { Alert, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, DocumentTypeView } from '../../../../electron/core/api/contract';
import type { ApiCallError } from '../../api/client';
import { call } from '../../api/client';
import { keys, useStaff } from '../../api/queries';
import { FormActions } from '../../components/FormActions';
import { newRequestId } from '../../components/requestId';
import { useApiSubmit } from '../../components/useApiSubmit';

export interface GenerateRequest {
  caseId: string;
  /** The case version the screen shows (a stale one gets CONFLICT). */
  caseVersion?: number;
  type: DocumentTypeView;
  /** A new version of this document (same number), instead of a new document. */
  documentId?: string;
  /** For a Surat Rujukan on a case with several referrals: which one. */
  referrals?: { value: string; label: string }[];
}

const blank = { stepCode: '', itemId: '', signerId: '', sifat: '', lampiran: '', hal: '', addressee: '', addresseePlace: '', tembusan: '' };
type Values = typeof blank;

/**
 * Makes a document (or a new version of one) from the case. Everything the register knows is
 * filled in by the core; the header can be changed here, and what is left empty keeps the
 * standard wording (or, for a new version, what the last version said).
 */
export function GenerateDocumentModal(props: {
  request: GenerateRequest | null;
  onClose: () => void;
  onMade: (doc: DocumentDetail) => void;
  onConflict?: (error: ApiCallError) => void;
}) {
  const { request } = props;
  const { t } = useTranslation();
  const client = useQueryClient();
  const staff = useStaff(request !== null);
  const [requestId, setRequestId] = useState(newRequestId);
  const form = useForm<Values>({ initialValues: blank });
  const type = request?.type;
  const isNewVersion = !!request?.documentId;

  useEffect(() => {
    if (!request) return;
    setRequestId(newRequestId());
    form.setValues({ ...blank, stepCode: request.type.steps[0]?.code ?? '' });
    form.resetDirty();
    submit.setError(null);
  }, [request]);

  const submit = useApiSubmit(
    form,
    async (v) => {
      if (!request) return;
      const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
      const header = {
        ...(v.sifat.trim() && { sifat: v.sifat.trim() }),
        ...(v.lampiran.trim() && { lampiran: v.lampiran.trim() }),
        ...(v.hal.trim() && { hal: v.hal.trim() }),
        ...(v.addressee.trim() && { addressee: lines(v.addressee).join('\n') }),
        ...(v.addresseePlace.trim() && { addresseePlace: v.addresseePlace.trim() }),
        ...(v.tembusan.trim() && { tembusan: lines(v.tembusan) }),
      };
      const doc = await call('documents.generate', {
        requestId,
        caseId: request.caseId,
        caseVersion: request.caseVersion,
        type: request.type.code,
        ...(request.documentId ? { documentId: request.documentId } : v.stepCode ? { stepCode: v.stepCode } : {}),
        ...(v.itemId && { itemId: v.itemId }),
        ...(v.signerId && { signerId: v.signerId }),
        ...(Object.keys(header).length > 0 && { fields: header }),
      });
      client.setQueryData(keys.documentDetail(doc.id), doc);
      await client.invalidateQueries({ queryKey: keys.documentsAll });
      props.onMade(doc);
    },
    {
      display: 'inline',
      onConflict: (e) => {
        // The case changed meanwhile: say so where it will be read (this dialog closes), and reload.
        notifications.show({ color: 'orange', title: t('documents.generate.conflictTitle'), message: t('documents.generate.conflictText'), autoClose: 12_000 });
        props.onConflict?.(e);
        void client.invalidateQueries({ queryKey: keys.documentsAll });
        props.onClose();
      },
    },
  );

  const signers = (staff.data ?? []).map((s) => ({ value: s.id, label: s.position ? `${s.fullName} — ${s.position}` : s.fullName }));
  const keepOr = isNewVersion ? t('documents.generate.keepPrevious') : t('documents.generate.standard');

  return (
    <Modal
      opened={request !== null}
      onClose={props.onClose}
      size="lg"
      title={type ? t(isNewVersion ? 'documents.generate.titleVersion' : 'documents.generate.title', { type: type.title }) : ''}
    >
      {type && (
        <form onSubmit={form.onSubmit(submit.run)} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('documents.generate.intro')}
            </Text>
            {type.problem && (
              <Alert color="red" variant="light" role="alert">
                {type.problem}
              </Alert>
            )}
            {type.missing.length > 0 && (
              <Alert color="yellow" variant="light" title={t('documents.generate.missingTitle')}>
                {type.missing.join(', ')}
              </Alert>
            )}
            {!isNewVersion && type.steps.length > 1 && (
              <Select
                label={t('documents.generate.step')}
                data={type.steps.map((s) => ({ value: s.code, label: s.label }))}
                allowDeselect={false}
                {...form.getInputProps('stepCode')}
              />
            )}
            {!isNewVersion && (request?.referrals?.length ?? 0) > 1 && (
              <Select label={t('documents.generate.referral')} data={request!.referrals!} required {...form.getInputProps('itemId')} />
            )}
            <Select
              label={t('documents.generate.signer')}
              placeholder={isNewVersion ? t('documents.generate.signerKeep') : t('documents.generate.signerDefault')}
              data={signers}
              clearable
              searchable
              {...form.getInputProps('signerId')}
            />
            {type.numbered && (
              <SimpleGrid cols={2}>
                <TextInput label={t('documents.fields.sifat')} placeholder={keepOr} maxLength={60} {...form.getInputProps('sifat')} />
                <TextInput label={t('documents.fields.lampiran')} placeholder={keepOr} maxLength={60} {...form.getInputProps('lampiran')} />
              </SimpleGrid>
            )}
            <TextInput label={t('documents.fields.hal')} placeholder={keepOr} maxLength={300} {...form.getInputProps('hal')} />
            {type.numbered && (
              <>
                <Textarea
                  label={t('documents.fields.addressee')}
                  description={t('documents.fields.onePerLine')}
                  placeholder={keepOr}
                  autosize
                  minRows={2}
                  maxLength={1000}
                  {...form.getInputProps('addressee')}
                />
                <TextInput label={t('documents.fields.addresseePlace')} placeholder={keepOr} maxLength={200} {...form.getInputProps('addresseePlace')} />
                <Textarea
                  label={t('documents.fields.tembusan')}
                  description={t('documents.fields.onePerLine')}
                  placeholder={keepOr}
                  autosize
                  minRows={2}
                  {...form.getInputProps('tembusan')}
                />
              </>
            )}
            <FormActions
              label={t(isNewVersion ? 'documents.generate.submitVersion' : 'documents.generate.submit')}
              submit={submit}
              disabled={!!type.problem && !isNewVersion}
              onCancel={props.onClose}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
