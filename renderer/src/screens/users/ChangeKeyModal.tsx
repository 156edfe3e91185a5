import { Alert, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useInvalidate } from '../../api/queries';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../components/useApiSubmit';

type Reissue = { id: string; username: string; fullName: string }[];

/**
 * The administrator changes the register key: after it, no copy of an old key file (a former
 * colleague's, a lost USB stick's) opens the register. Takes seconds on a large register, so
 * the dialog says so while it runs and lists any account whose password must be re-issued.
 */
export function ChangeKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidate();
  const form = useForm({ initialValues: {} });
  const [reissue, setReissue] = useState<Reissue | null>(null);
  const submit = useApiSubmit(
    form,
    async () => {
      const r = await call('register.changeKey', {});
      invalidate();
      if (r.reissue.length > 0) setReissue(r.reissue);
      else {
        notifications.show({ color: 'teal', message: t('users.changeKeyDone') });
        onClose();
      }
    },
    { display: 'inline' },
  );
  const close = () => {
    if (submit.pending) return;
    setReissue(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('users.changeKeyTitle')} closeOnEscape={!submit.pending} withCloseButton={!submit.pending}>
      {reissue ? (
        <Stack>
          <Alert color="yellow">{t('users.changeKeyReissue')}</Alert>
          <List>
            {reissue.map((u) => (
              <List.Item key={u.id}>
                {u.fullName} ({u.username})
              </List.Item>
            ))}
          </List>
          <FormActions label={t('common.close')} onConfirm={close} />
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">{t('users.changeKeyExplain')}</Text>
          {submit.pending && (
            <Alert color="blue" icon={<Loader size="xs" />} role="status">
              {t('users.changeKeyRunning')}
            </Alert>
          )}
          <FormActions label={t('users.changeKeyConfirm')} color="red" submit={submit} onConfirm={() => void submit.run({})} onCancel={close} />
        </Stack>
      )}
    </Modal>
  );
}
