import { Card, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setSession, useCan, useCurrentSession } from '../../api/queries';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ChangePasswordForm } from '../password/ChangePasswordForm';
import { BackupSettings } from './BackupSettings';
import { DocumentSettings } from './DocumentSettings';
import { HolidaysSettings } from './HolidaysSettings';
import { IdleLockForm } from './IdleLockForm';
import { InstitutionsSettings } from './InstitutionsSettings';
import { OfficeProfileForm } from './OfficeProfileForm';
import { RegisterNumberForm } from './RegisterNumberForm';
import { ServicesSettings } from './ServicesSettings';
import { TimeZoneForm } from './TimeZoneForm';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** Office-wide settings for those allowed to change them; language and own password for everyone. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const can = useCan();
  const session = useCurrentSession();
  const client = useQueryClient();

  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>

      {can('office.manage') && (
        <Section title={t('settings.officeTitle')}>
          <OfficeProfileForm />
        </Section>
      )}

      <Section title={t('settings.idleTitle')}>
        {can('settings.manage') ? (
          <IdleLockForm />
        ) : (
          <Text size="sm">{t('settings.idleReadOnly', { count: session.idleLockMinutes })}</Text>
        )}
      </Section>

      {can('settings.manage') && (
        <>
          <Section title={t('serviceSettings.title')}>
            <ServicesSettings />
          </Section>
          <Section title={t('holidaySettings.title')}>
            <HolidaysSettings />
          </Section>
          <Section title={t('directory.title')}>
            <InstitutionsSettings />
          </Section>
          <Section title={t('numbering.title')}>
            <RegisterNumberForm />
          </Section>
          <Section title={t('numbering.timeZone')}>
            <TimeZoneForm />
          </Section>
          <Section title={t('docSettings.title')}>
            <DocumentSettings />
          </Section>
          <Section title={t('backup.title')}>
            <BackupSettings />
          </Section>
        </>
      )}

      <Section title={t('settings.languageTitle')}>
        <Text size="sm" c="dimmed">
          {t('settings.languageHint')}
        </Text>
        <div>
          <LanguageSwitch size="sm" />
        </div>
      </Section>

      <Section title={t('changePassword.title')}>
        <ChangePasswordForm
          onChanged={(s) => {
            setSession(client, s);
            notifications.show({ color: 'teal', message: t('changePassword.done') });
          }}
        />
      </Section>
    </Stack>
  );
}
