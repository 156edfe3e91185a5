import { Card, Kbd, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentSession } from '../../api/queries';
import { visibleNavItems } from '../../app/nav';
import { officeHour } from '../../i18n/format';
import { BackupNotice } from './BackupNotice';
import { RegisterProblemNotice } from '../problem/RegisterProblemScreen';
import { CaseOverview } from './CaseOverview';
import { MonthCompare } from './MonthCompare';

function greetingKey(hour: number) {
  if (hour < 4) return 'dashboard.greetingEvening' as const;
  if (hour < 11) return 'dashboard.greetingMorning' as const;
  if (hour < 15) return 'dashboard.greetingDay' as const;
  if (hour < 18) return 'dashboard.greetingAfternoon' as const;
  return 'dashboard.greetingEvening' as const;
}

/** What needs this user now (the case overview), and where they can go from here. */
export function DashboardScreen() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const role = t(`roles.${session.user.role}`);
  const shortcuts = visibleNavItems(session.permissions).filter((item) => item.key !== 'dashboard' && !item.hidden);

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t(greetingKey(officeHour()), { name: session.user.fullName })}
        </Title>
        <Text c="dimmed">{t('dashboard.signedInAs', { role })}</Text>
      </Stack>

      {session.registerProblem && <RegisterProblemNotice problem={session.registerProblem} />}
      {session.permissions.includes('settings.manage') && <BackupNotice />}
      {session.permissions.includes('cases.read') && <CaseOverview />}
      {session.permissions.includes('cases.approve') && <MonthCompare />}

      <Stack gap={4}>
        <Text size="sm">
          <Kbd>F8</Kbd> — {t('dashboard.privacy')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('dashboard.idleLock')}: {t('dashboard.idleLockValue', { count: session.idleLockMinutes })}
        </Text>
      </Stack>

      {shortcuts.length > 0 && (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('dashboard.shortcuts')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {shortcuts.map((item) => (
              <Card key={item.key} withBorder component={Link} to={item.path} padding="md">
                <Text fw={600}>{t(`nav.${item.key}`)}</Text>
                <Text size="sm" c="dimmed">
                  {t(`navHint.${item.key}`)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Stack>
  );
}
