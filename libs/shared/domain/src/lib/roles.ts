/** Who may do what: each role may do all that the roles before it may. */
export enum Role {
  /** Analysts: read everything and the dashboards. */
  Viewer = 'viewer',
  /** Policy researchers: also create and change records, and delete them recoverably. */
  Editor = 'editor',
  /** Also manage users, delete for good, restore, merge duplicates and read the audit log. */
  Admin = 'admin',
}

export const ROLES = Object.values(Role);

const RANK: Record<Role, number> = { [Role.Viewer]: 0, [Role.Editor]: 1, [Role.Admin]: 2 };

export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}

/** What the audit log records. */
export enum AuditAction {
  Create = 'create',
  Update = 'update',
  Delete = 'delete',
  Restore = 'restore',
  Purge = 'purge',
  Merge = 'merge',
  Login = 'login',
  LoginFailed = 'login_failed',
  Logout = 'logout',
  RoleChange = 'role_change',
  PasswordChange = 'password_change',
}

export const AUDIT_ACTIONS = Object.values(AuditAction);

/** Before and after of each changed field. */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;
