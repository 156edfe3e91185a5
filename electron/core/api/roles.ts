/** Roles seen in the service standards, and what each may do. One permission check: `can`. */
export const roles = ['front_desk', 'case_worker', 'head', 'secretariat', 'admin'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'users.manage',
  'office.manage',
  'settings.manage',
  'audit.read',
  'audit.verify',
  'cases.create',
  'cases.read',
  'cases.approve',
  'cases.work',
  /** The office's numbers (Reports): heads, who answer for them, and the administrator. */
  'reports.read',
] as const;
export type Permission = (typeof permissions)[number];

/** `public` needs no session; `session` needs any logged-in user. */
export type Access = 'public' | 'session' | Permission;

const grants: Record<Role, readonly Permission[]> = {
  front_desk: ['cases.create', 'cases.read', 'cases.work'],
  case_worker: ['cases.create', 'cases.read', 'cases.work'],
  head: ['cases.create', 'cases.read', 'cases.work', 'cases.approve', 'audit.read', 'reports.read'],
  secretariat: ['cases.read', 'cases.work'],
  admin: ['users.manage', 'office.manage', 'settings.manage', 'audit.read', 'audit.verify', 'cases.create', 'cases.read', 'reports.read'],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return grants[role];
}

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
