import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import type { Permission } from '../../../electron/core/api/roles';
import { useCurrentSession, useServices } from '../api/queries';
import { ApprovalsBadge, ApprovalsScreen } from '../screens/approvals/ApprovalsScreen';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { CaseScreen } from '../screens/case/CaseScreen';
import { CasesScreen, ServiceCasesScreen } from '../screens/cases/CasesScreen';
import { DashboardScreen } from '../screens/dashboard/DashboardScreen';
import { IntakeScreen } from '../screens/intake/IntakeScreen';
import { LettersScreen } from '../screens/documents/LettersScreen';
import { LanScreen } from '../screens/lan/LanScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { UsersScreen } from '../screens/users/UsersScreen';
import { Loading } from '../components/Loading';

// Charts and the report tables are a chunk of their own, loaded when Reports is first opened.
const ReportsScreen = lazy(() => import('../screens/reports/ReportsScreen'));

/**
 * The screens of the app shell, as data: the navigation, the routes and the dashboard's
 * shortcuts all come from this one list, filtered by the session's permissions. A capability
 * the core does not have yet has no entry here.
 */
export interface NavItem {
  key: 'dashboard' | 'users' | 'settings' | 'audit' | 'cases' | 'service' | 'intake' | 'case' | 'approvals' | 'letters' | 'lan' | 'reports';
  path: string;
  /** Without it, every logged-in user sees the entry. */
  permission?: Permission;
  element: () => ReactElement;
  /** A route reached from inside the app (a button, a link), with no navigation entry of its own. */
  hidden?: boolean;
  /** A count beside the entry (e.g. requests waiting for a decision). */
  badge?: ComponentType;
}

export const navItems: readonly NavItem[] = [
  { key: 'dashboard', path: '/', element: () => <DashboardScreen /> },
  { key: 'cases', path: '/cases', permission: 'cases.read', element: () => <CasesScreen /> },
  { key: 'service', path: '/service/:service', permission: 'cases.read', hidden: true, element: () => <ServiceCasesScreen /> },
  { key: 'intake', path: '/intake/:service', permission: 'cases.create', hidden: true, element: () => <IntakeScreen /> },
  { key: 'case', path: '/cases/:id', permission: 'cases.read', hidden: true, element: () => <CaseScreen /> },
  { key: 'approvals', path: '/approvals', permission: 'cases.approve', element: () => <ApprovalsScreen />, badge: ApprovalsBadge },
  { key: 'letters', path: '/letters', permission: 'cases.read', element: () => <LettersScreen /> },
  {
    key: 'reports',
    path: '/reports',
    permission: 'reports.read',
    element: () => (
      <Suspense fallback={<Loading />}>
        <ReportsScreen />
      </Suspense>
    ),
  },
  { key: 'users', path: '/users', permission: 'users.manage', element: () => <UsersScreen /> },
  { key: 'settings', path: '/settings', element: () => <SettingsScreen /> },
  { key: 'audit', path: '/audit', permission: 'audit.read', element: () => <AuditScreen /> },
  { key: 'lan', path: '/lan', permission: 'settings.manage', element: () => <LanScreen /> },
];

export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return navItems.filter((item) => !item.permission || permissions.includes(item.permission));
}

/** One entry of the navigation: a screen of the list above, or one service's case list. */
export interface NavEntry {
  key: string;
  to: string;
  /** From data (a service's short name); null: the screen's own name, `nav.<key>`. */
  label: string | null;
  navKey: NavItem['key'];
  /** Shown under the entry before it. */
  indent: boolean;
  badge?: ComponentType;
}

/**
 * The navigation the session sees: the screens it may open and, under "Cases", one entry per
 * service the office runs, from the services' own data.
 */
export function useNavEntries(): NavEntry[] {
  const session = useCurrentSession();
  const services = useServices();
  const entries: NavEntry[] = [];
  for (const item of visibleNavItems(session.permissions)) {
    if (item.hidden) continue;
    entries.push({ key: item.key, to: item.path, label: null, navKey: item.key, indent: false, badge: item.badge });
    if (item.key !== 'cases') continue;
    for (const service of services.data ?? []) {
      if (!service.enabled) continue;
      const to = `/service/${service.code}`;
      entries.push({ key: to, to, label: service.definition.shortName, navKey: 'service', indent: true });
    }
  }
  return entries;
}
