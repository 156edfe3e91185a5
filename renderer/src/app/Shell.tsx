import { AppShell, Burger, Button, Group, Kbd, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate, Link, Route, Routes, useLocation } from 'react-router';
import { useCurrentSession } from '../api/queries';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { QuickFind } from '../screens/cases/QuickFind';
import { useNavEntries, visibleNavItems } from './nav';
import { endSession } from './sessionEnd';

/** The frame around every screen of a logged-in user. */
export function Shell() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const items = visibleNavItems(session.permissions);
  const entries = useNavEntries();

  const isActive = (path: string) =>
    path === '/' ? location.pathname === '/' : location.pathname === path || location.pathname.startsWith(`${path}/`);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.openMenu')} />
            <Text fw={700} c="teal.8">
              {t('app.name')}
            </Text>
            <Text size="sm" truncate data-testid="office-name">
              {session.officeName}
            </Text>
            <QuickFind />
          </Group>
          <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Text size="xs" c="dimmed" visibleFrom="md">
              <Kbd size="xs">F8</Kbd> {t('shell.hideHint')}
            </Text>
            <LanguageSwitch />
            <Stack gap={0} align="flex-end" data-testid="current-user">
              <Text size="sm" fw={600} lh={1.2}>
                {session.user.fullName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {t(`roles.${session.user.role}`)}
              </Text>
            </Stack>
            <Button variant="light" size="xs" onClick={() => void endSession('manual')}>
              {t('shell.lock')}
            </Button>
            <Button variant="default" size="xs" onClick={() => void endSession('logout')}>
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav" aria-label={t('shell.navigation')}>
        {entries.map((entry) => (
          <NavLink
            key={entry.key}
            component={Link}
            to={entry.to}
            label={entry.label ?? t(`nav.${entry.navKey}`)}
            pl={entry.indent ? 'xl' : undefined}
            rightSection={entry.badge ? <entry.badge /> : undefined}
            active={isActive(entry.to)}
            aria-current={isActive(entry.to) ? 'page' : undefined}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <Routes>
          {items.map((item) => (
            <Route key={item.key} path={item.path} element={item.element()} />
          ))}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
