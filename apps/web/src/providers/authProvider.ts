import { hasRole, Role } from '@talentflow/domain';
import { type AuthProvider, HttpError } from 'react-admin';

export interface Identity {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

let identity: Promise<Identity | null> | null = null;

async function call(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`/api/auth/${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    credentials: 'same-origin',
  });
}

/** Who is signed in, asked of the API once per page load (the session cookie is httpOnly: only the API can read it). */
function currentIdentity(): Promise<Identity | null> {
  identity ??= call('me').then((response) => (response.ok ? (response.json() as Promise<Identity>) : null));
  return identity;
}

/**
 * What each role may do in the app. The API judges every request by its own rules; this only hides
 * what the signed-in role could not do anyway.
 */
export function roleMayDo(role: Role, action: string, resource: string): boolean {
  if (resource === 'users') return hasRole(role, Role.Admin);
  // Editors import and read the history; admins undo.
  if (resource === 'imports') return hasRole(role, action === 'delete' ? Role.Admin : Role.Editor);
  if (resource === 'audit-entries') return action === 'show' || action === 'list' ? hasRole(role, Role.Admin) : false;
  if (['restore', 'purge', 'merge'].includes(action)) return hasRole(role, Role.Admin);
  if (['create', 'edit', 'delete'].includes(action)) return hasRole(role, Role.Editor);
  return true;
}

export const authProvider: AuthProvider = {
  async login({ username, email, password }: { username?: string; email?: string; password: string }) {
    const response = await call('login', { method: 'POST', body: JSON.stringify({ email: email ?? username, password }) });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new HttpError(body.message ?? 'Sign-in failed', response.status, body);
    identity = Promise.resolve(body as Identity);
  },
  async logout() {
    await call('logout', { method: 'POST' });
    identity = Promise.resolve(null);
  },
  async checkAuth() {
    if (!(await currentIdentity())) {
      identity = null;
      throw new Error('Not signed in');
    }
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      identity = null;
      throw new Error('Signed out');
    }
    // 403 means "not allowed", not "not signed in": stay signed in and show the error.
  },
  async getIdentity() {
    const me = await currentIdentity();
    if (!me) throw new Error('Not signed in');
    return { id: me.id, fullName: me.displayName, email: me.email, role: me.role };
  },
  async getPermissions() {
    return (await currentIdentity())?.role;
  },
  async canAccess({ action, resource }) {
    const me = await currentIdentity();
    return me ? roleMayDo(me.role, action, resource) : false;
  },
};
