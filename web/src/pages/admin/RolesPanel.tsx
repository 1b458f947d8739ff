// An account's roles, each granted at an agency (its scope is that agency and everything under
// it): revoke one (DELETE /api/v1/accounts/{id}/roles), grant one (POST …/roles).
import { useState } from 'preact/hooks';
import { grantRole, revokeRole, type Account, type Role } from '../../api/index.ts';
import { ErrorSummary, Fieldset, focusErrorsIfAny, SelectField } from '../../components/Fields.tsx';
import { ErrorMessage } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.ts';
import { hasRole } from '../../session.ts';
import { roleText } from './AccountsPage.tsx';
import { focusSoon } from '../../components/focus.ts';
import { Done } from './controls.tsx';
import { AgencyCodeField } from './StepsEditor.tsx';

const OFFICER_ROLES: Role[] = ['clerk', 'specialist', 'head', 'cashier', 'feedback_officer', 'agency_admin'];
const PROVINCE_ROLES: Role[] = ['province_admin', 'auditor'];

/** Roles an administrator may hand out: province-wide roles need a province-wide administrator. */
export function grantableRoles(me: Account | null | undefined): Role[] {
  return hasRole(me, 'province_admin') ? [...OFFICER_ROLES, ...PROVINCE_ROLES] : OFFICER_ROLES;
}

interface Props {
  account: Account;
  me: Account;
  onChange: (a: Account) => void;
}

export function RolesPanel({ account, me, onChange }: Props) {
  const { t } = useI18n();
  const self = account.id === me.id;
  const officer = account.kind === 'officer';
  const [role, setRole] = useState('');
  const [agency, setAgency] = useState(account.agency_code ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<Account>, message: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      onChange(await action());
      setDone(message);
      focusSoon('roles-status');
    } catch (e) {
      setError(e);
      focusSoon('roles-status');
    } finally {
      setBusy(false);
    }
  }

  async function onGrant(e: Event) {
    e.preventDefault();
    const scope = agency.trim() || account.agency_code || '';
    const problems = [];
    if (!role) problems.push(t.roleRequired);
    if (!scope) problems.push(t.fieldRequired(t.roleAgency));
    setErrors(problems);
    if (focusErrorsIfAny(problems, 'grant-errors')) return;
    await run(() => grantRole(account.id, role as Role, scope), t.roleGranted(roleText(t, { role, agency: scope })));
    setRole('');
  }

  return (
    <section class="panel" aria-labelledby="roles-h">
      <h2 id="roles-h">{t.rolesTitle}</h2>
      <div id="roles-status" tabIndex={-1} class="focus-target">
        {done && <Done>{done}</Done>}
        {error !== null && <ErrorMessage error={error} />}
      </div>
      {account.roles.length === 0 ? (
        <p class="muted">{t.rolesEmpty}</p>
      ) : (
        <ul class="role-list" data-testid="role-list">
          {account.roles.map((r) => (
            <li key={`${r.role}@${r.agency ?? ''}`}>
              <span>{roleText(t, r)}</span>
              {officer && !self && (
                <button
                  type="button"
                  class="btn btn-secondary"
                  disabled={busy}
                  onClick={() => run(() => revokeRole(account.id, r.role as Role, r.agency), t.roleRevoked(roleText(t, r)))}
                >
                  {t.revoke}
                  <span class="visually-hidden"> {roleText(t, r)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!officer && <p class="hint">{t.rolesFixed}</p>}
      {officer && !self && (
        <form onSubmit={onGrant} noValidate>
          <Fieldset legend={t.grantTitle}>
            <ErrorSummary errors={errors} id="grant-errors" />
            <div class="grid-2">
              <SelectField
                id="grant-role"
                label={t.roleLabel}
                value={role}
                onChange={setRole}
                required
                options={[{ value: '', label: t.roleChoose }, ...grantableRoles(me).map((r) => ({ value: r, label: t.roleName[r] }))]}
              />
              <AgencyCodeField id="grant-agency" label={t.roleAgency} hint={t.roleAgencyHint} value={agency} onInput={setAgency} />
            </div>
            <button type="submit" class="btn btn-primary" disabled={busy}>
              {t.grantButton}
            </button>
          </Fieldset>
        </form>
      )}
    </section>
  );
}
