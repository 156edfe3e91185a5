import { Button, Group, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../electron/core/api/contract';
import { call, isApiCallError } from '../../api/client';
import { CenteredPage } from '../../components/CenteredPage';
import { emptyOffice, logoUpload, officeFields, officeValidation, type OfficeFormValues } from '../../components/officeForm';
import { OfficeFields } from '../../components/OfficeFields';
import { PasswordPair } from '../../components/PasswordPair';
import { useApiSubmit } from '../../components/useApiSubmit';
import { validators } from '../../components/validators';
import { ConnectToHostEntry } from '../lan/ConnectToHost';
import { RecoveryCodeSheet } from './RecoveryCodeSheet';
import { RestoreFromBackup } from './RestoreFromBackup';

interface SetupValues {
  office: OfficeFormValues;
  admin: { username: string; fullName: string; password: string; confirm: string };
}

interface Created {
  session: SessionView;
  recoveryCode: string;
  createdAt: Date;
}

function prefixed(prefix: string, errors: Record<string, string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) if (message) out[`${prefix}.${key}`] = message;
  return out;
}

/** First run: the office profile, the administrator, then the recovery code, shown once. */
export function SetupScreen({ onFinished }: { onFinished: (session: SessionView) => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const stepRef = useRef(0);
  stepRef.current = step;
  const [created, setCreated] = useState<Created | null>(null);
  const v = validators(t);
  const officeRules = officeValidation(t);

  const form = useForm<SetupValues>({
    initialValues: { office: emptyOffice, admin: { username: '', fullName: '', password: '', confirm: '' } },
    validate: (values) =>
      stepRef.current === 0
        ? prefixed('office', {
            name: officeRules.name(values.office.name),
            postcode: officeRules.postcode(values.office.postcode),
            email: officeRules.email(values.office.email),
          })
        : prefixed('admin', {
            username: v.username(values.admin.username),
            fullName: v.required(values.admin.fullName),
            password: v.password(values.admin.password),
            confirm: values.admin.confirm === values.admin.password ? null : t('validation.passwordMismatch'),
          }),
  });

  const submit = useApiSubmit(
    form,
    async ({ office, admin }) => {
      const result = await call('setup.initialize', {
        office: { ...officeFields(office), logo: logoUpload(office.logo) },
        admin: { username: admin.username, fullName: admin.fullName, password: admin.password },
      });
      setCreated({ session: result.session, recoveryCode: result.recoveryCode, createdAt: new Date() });
      setStep(2);
    },
    {
      onError: (e) => {
        // A problem in the office profile sends the user back to that step to fix it.
        if (isApiCallError(e) && Object.keys(e.fields ?? {}).some((k) => k.startsWith('office.'))) setStep(0);
      },
    },
  );

  return (
    <CenteredPage title={t('setup.title')} width={720}>
      <Text size="sm" c="dimmed">
        {t('setup.intro')}
      </Text>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('setup.stepOffice')} description={t('setup.stepOfficeDescription')} />
        <Stepper.Step label={t('setup.stepAdmin')} description={t('setup.stepAdminDescription')} />
        <Stepper.Step label={t('setup.stepRecovery')} description={t('setup.stepRecoveryDescription')} />
      </Stepper>

      {step === 0 && (
        <form onSubmit={form.onSubmit(() => setStep(1))} noValidate>
          <Stack gap="md">
            <OfficeFields form={form} prefix="office." autoFocus />
            <Group justify="flex-end">
              <Button type="submit">{t('common.continue')}</Button>
            </Group>
          </Stack>
        </form>
      )}
      {step === 0 && <ConnectToHostEntry />}
      {step === 0 && <RestoreFromBackup />}

      {step === 1 && (
        <form onSubmit={form.onSubmit(submit.run)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('setup.adminIntro')}</Text>
            <TextInput
              label={t('user.username')}
              required
              autoFocus
              autoComplete="username"
              key={form.key('admin.username')}
              {...form.getInputProps('admin.username')}
            />
            <TextInput
              label={t('user.fullName')}
              required
              key={form.key('admin.fullName')}
              {...form.getInputProps('admin.fullName')}
            />
            <PasswordPair
              form={form}
              path="admin.password"
              confirmPath="admin.confirm"
              label={t('user.password')}
              confirmLabel={t('user.passwordConfirm')}
              description={t('user.passwordHint')}
              context={{ username: form.values.admin.username, fullName: form.values.admin.fullName, officeName: form.values.office.name }}
            />
            <Group justify="space-between" mt="sm">
              <Button variant="default" onClick={() => setStep(0)} disabled={submit.pending}>
                {t('common.back')}
              </Button>
              <Button type="submit" loading={submit.pending}>
                {t('setup.submit')}
              </Button>
            </Group>
            {submit.pending && (
              <Text size="sm" c="dimmed" ta="right">
                {t('setup.submitting')}
              </Text>
            )}
          </Stack>
        </form>
      )}

      {step === 2 && created && (
        <RecoveryCodeSheet
          officeName={created.session.officeName}
          code={created.recoveryCode}
          createdAt={created.createdAt}
          onContinue={() => onFinished(created.session)}
        />
      )}
    </CenteredPage>
  );
}
