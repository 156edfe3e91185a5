import type { ReactElement } from 'react';
import type { Permission } from '../../../electron/core/api/roles';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { DashboardScreen } from '../screens/dashboard/DashboardScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { UsersScreen } from '../screens/users/UsersScreen';

/**
 * The screens of the app shell, as data: the navigation, the routes and the dashboard's
 * shortcuts all come from this one list, filtered by the session's permissions. A capability
 * the core does not have yet has no entry here.
 */
export interface NavItem {
  key: 'dashboard' | 'users' | 'settings' | 'audit';
  path: string;
  /** Without it, every logged-in user sees the entry. */
  permission?: Permission;
  element: () => ReactElement;
}

export const navItems: readonly NavItem[] = [
  { key: 'dashboard', path: '/', element: () => <DashboardScreen /> },
  { key: 'users', path: '/users', permission: 'users.manage', element: () => <UsersScreen /> },
  { key: 'settings', path: '/settings', element: () => <SettingsScreen /> },
  { key: 'audit', path: '/audit', permission: 'audit.read', element: () => <AuditScreen /> },
];

export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return navItems.filter((item) => !item.permission || permissions.includes(item.permission));
}
