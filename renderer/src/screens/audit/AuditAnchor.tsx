import { Button, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyResult } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { describeError } from '../../api/errors';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../components/useApiSubmit';
import { base64ToBytes, printDocx } from '../documents/docx';

/**
 * The audit anchor: the chain's newest entry and hash printed on paper (kept outside the
 * register), and later a check that the chain still passes through it. A log rewritten and
 * chained anew by someone holding the key verifies on its own, but not against the paper.
 */
export function AuditAnchorActions({ onChecked }: { onChecked: (result: AuditVerifyResult) => void }) {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState(false);
  const [checking, setChecking] = useState(false);
  const form = useForm({
    initialValues: { anchor: { seq: '' as number | string, hash: '' } },
    validate: {
      anchor: {
        seq: (v) => (typeof v === 'number' && v > 0 ? null : t('audit.anchor.seqRequired')),
        hash: (v) => (v.replace(/[\s-]/g, '').length >= 16 ? null : t('audit.anchor.hashShort')),
      },
    },
  });
  const submit = useApiSubmit(
    form,
    async ({ anchor }) => {
      onChecked(await call('audit.verify', { anchor: { seq: Number(anchor.seq), hash: anchor.hash } }));
      setChecking(false);
    },
    { display: 'inline' },
  );

  async function print() {
    setPrinting(true);
    try {
      const sheet = await call('audit.anchorSheet', {});
      await printDocx(base64ToBytes(sheet.base64));
    } catch (e) {
      notifications.show({ color: 'red', title: t('errors.title'), message: describeError(e, t), autoClose: 10_000 });
    } finally {
      setPrinting(false);
    }
  }

  return (
    <>
      <Button variant="default" onClick={() => void print()} loading={printing}>
        {t('audit.anchor.print')}
      </Button>
      <Button
        variant="default"
        onClick={() => {
          form.reset();
          submit.setError(null);
          setChecking(true);
        }}
      >
        {t('audit.anchor.check')}
      </Button>
      <Modal opened={checking} onClose={() => setChecking(false)} title={t('audit.anchor.checkTitle')}>
        <form onSubmit={form.onSubmit(submit.run)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('audit.anchor.checkIntro')}</Text>
            <NumberInput label={t('audit.anchor.seq')} min={1} allowDecimal={false} allowNegative={false} data-autofocus {...form.getInputProps('anchor.seq')} />
            <TextInput label={t('audit.anchor.hash')} description={t('audit.anchor.hashHint')} ff="monospace" maxLength={100} {...form.getInputProps('anchor.hash')} />
            <FormActions label={t('audit.anchor.checkSubmit')} submit={submit} onCancel={() => setChecking(false)} />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
