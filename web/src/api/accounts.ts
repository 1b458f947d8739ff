// Signing in and out (cookie session + CSRF token), the signed-in account, and the
// administration of accounts and their roles.
import { ApiError, queryString, request, setCsrfToken, type Query, type Schemas } from './client.ts';

export type Account = Schemas['Account'];
export type AccountKind = Schemas['AccountKind'];
export type Role = Schemas['Role'];
export type RoleGrant = Schemas['RoleGrant'];
export type NewAccount = Schemas['NewAccount'];
export type AccountQuery = Query<'listAccounts'>;

export async function login(loginName: string, password: string): Promise<Account> {
  const body: Schemas['LoginRequest'] = { login: loginName, password, session: 'cookie' };
  const reply = await request<Schemas['LoginResponse']>('/api/v1/auth/login', { method: 'POST', body });
  setCsrfToken(reply.csrf_token ?? null);
  return reply.account;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('/api/v1/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(null);
  }
}

/** Changes the signed-in account's own password (the current one is required). */
export async function changeMyPassword(currentPassword: string, newPassword: string): Promise<void> {
  const body: Schemas['PasswordChange'] = { current_password: currentPassword, new_password: newPassword };
  await request<void>('/api/v1/me/password', { method: 'POST', body });
}

/** The signed-in account, or null when nobody is signed in. */
export async function getMe(signal?: AbortSignal): Promise<Account | null> {
  try {
    return await request<Account>('/api/v1/me', { signal });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return null;
    throw e;
  }
}

export function listAccounts(q: AccountQuery, signal?: AbortSignal): Promise<Schemas['AccountPage']> {
  return request(`/api/v1/accounts${queryString({ ...q })}`, { signal });
}

export function getAccount(id: number, signal?: AbortSignal): Promise<Account> {
  return request(`/api/v1/accounts/${id}`, { signal });
}

/** generated_password is present (once) when no password was given. */
export function createAccount(body: NewAccount): Promise<Schemas['CreatedAccount']> {
  return request('/api/v1/accounts', { method: 'POST', body });
}

export function setAccountDisabled(id: number, disabled: boolean): Promise<Account> {
  return request(`/api/v1/accounts/${id}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });
}

/** Without a password the server generates one and returns it once. */
export function resetAccountPassword(id: number, password?: string): Promise<Schemas['PasswordResetResult']> {
  const body: Schemas['PasswordReset'] = password ? { password } : {};
  return request(`/api/v1/accounts/${id}/password`, { method: 'POST', body });
}

export function grantRole(id: number, role: Role, agency?: string): Promise<Account> {
  const body: Schemas['RoleGrantRequest'] = agency ? { role, agency } : { role };
  return request(`/api/v1/accounts/${id}/roles`, { method: 'POST', body });
}

export function revokeRole(id: number, role: Role, agency: string | null): Promise<Account> {
  const q: Query<'revokeRole'> = { role, agency: agency ?? undefined };
  return request(`/api/v1/accounts/${id}/roles${queryString(q)}`, { method: 'DELETE' });
}
