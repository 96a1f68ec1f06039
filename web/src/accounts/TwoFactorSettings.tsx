import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { del, get, post, put } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { can, type Me, type Role } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import { TwoFactorEnrol } from './TwoFactorEnrol.tsx';
import { messageFor } from './TwoFactorSignIn.tsx';

interface Status { enabled: boolean; pending: boolean; required: boolean; recovery_codes_left: number }
interface AgentRow { agent_id: string; name: string; email: string; role: Role; active: boolean; enabled: boolean; required: boolean; required_by_name: boolean }
interface Overview { required_roles: Role[]; agents: AgentRow[] }

const ROLES: Role[] = ['agent', 'supervisor', 'admin'];

/**
 * Security: your own two-factor sign-in (set it up, see how many recovery codes are left, switch it
 * off), and for admins who must use it (roles, or one agent by name) and a reset for a lost phone.
 */
export function TwoFactorSettings({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const [offCode, setOffCode] = useState('');
  const [offError, setOffError] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState<AgentRow | null>(null);
  const [version, setVersion] = useState(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const admin = can(me, 'agents.manage');
  useEffect(() => titleRef.current?.focus(), []);
  useShortcuts({ '?': onHelp });
  useEffect(() => {
    const ac = new AbortController();
    if (me.agent) get<Status>('/api/v1/two-factor', ac.signal).then(setStatus, () => {});
    if (admin)
      get<Overview>('/api/v1/two-factor/policy', ac.signal).then((o) => {
        setOverview(o);
        setRoles(o.required_roles);
      }, () => {});
    return () => ac.abort();
  }, [admin, me.agent, version]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('twoFactor.policySaved'));

  const switchOff = async (e: FormEvent) => {
    e.preventDefault();
    setOffError(null);
    try {
      await post('/api/v1/two-factor/disable', { code: offCode });
      setOffCode('');
      refresh();
    } catch (err) {
      setOffError(messageFor(err, t));
    }
  };
  const savePolicy = (e: FormEvent) => {
    e.preventDefault();
    void act(() => put('/api/v1/two-factor/policy', { required_roles: roles }), t('twoFactor.policySaved'));
  };
  const requireAgent = (a: AgentRow, required: boolean) =>
    void act(() => put(`/api/v1/agents/${a.agent_id}/two-factor`, { required }), required ? t('twoFactor.requiredFor', { name: a.name }) : t('twoFactor.notRequiredFor', { name: a.name }));
  const reset = (a: AgentRow) =>
    void act(async () => {
      await del(`/api/v1/agents/${a.agent_id}/two-factor`);
      setConfirmReset(null);
    }, t('twoFactor.resetDone', { name: a.name }));

  return (
    <main id="main" className="two-factor-settings">
      <h1 ref={titleRef} tabIndex={-1}>{t('twoFactor.title')}</h1>
      <p className="muted">{t('twoFactor.intro')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>

      {me.agent && status && (
        <section className="card" aria-labelledby="own-title">
          <h2 id="own-title">{t('twoFactor.status')}</h2>
          <p>
            <span className={status.enabled ? 'badge' : 'badge flag'}>{status.enabled ? t('twoFactor.on') : t('twoFactor.off')}</span>{' '}
            {status.enabled && t('twoFactor.codesLeft', { count: status.recovery_codes_left })}
          </p>
          {status.enabled ? (
            status.required ? (
              <p className="muted">{t('twoFactor.requiredNote')}</p>
            ) : (
              <form className="stack" onSubmit={switchOff} aria-labelledby="off-title">
                <h3 id="off-title">{t('twoFactor.disableTitle')}</h3>
                <label htmlFor="off-code">{t('twoFactor.disableIntro')}</label>
                <input id="off-code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" maxLength={7} required value={offCode} onChange={(e) => setOffCode(e.target.value)} />
                {offError && <p className="error" role="alert">{offError}</p>}
                <div className="actions-row">
                  <button type="submit" className="button">{t('twoFactor.disable')}</button>
                </div>
              </form>
            )
          ) : (
            <TwoFactorEnrol key={version} onDone={refresh} />
          )}
        </section>
      )}

      {admin && overview && (
        <>
          <section className="card" aria-labelledby="policy-title">
            <h2 id="policy-title">{t('twoFactor.policyTitle')}</h2>
            <p className="muted">{t('twoFactor.policyIntro')}</p>
            <form className="stack" onSubmit={savePolicy}>
              <fieldset>
                <legend>{t('twoFactor.roles')}</legend>
                {ROLES.map((r) => (
                  <label key={r} className="check">
                    <input type="checkbox" checked={roles.includes(r)} onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))} />{' '}
                    {t(`twoFactor.role.${r}`)}
                  </label>
                ))}
              </fieldset>
              <div className="actions-row">
                <button type="submit" className="button">{t('twoFactor.savePolicy')}</button>
              </div>
            </form>
          </section>
          <section className="card" aria-labelledby="agents-title">
            <h2 id="agents-title">{t('twoFactor.agentsTitle')}</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('twoFactor.name')}</th>
                  <th scope="col">{t('twoFactor.email')}</th>
                  <th scope="col">{t('twoFactor.roleColumn')}</th>
                  <th scope="col">{t('twoFactor.state')}</th>
                  <th scope="col">{t('twoFactor.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.agents.filter((a) => a.active).map((a) => (
                  <tr key={a.agent_id}>
                    <td>{a.name}</td>
                    <td>{a.email}</td>
                    <td>{t(`twoFactor.role.${a.role}`)}</td>
                    <td>
                      {a.enabled ? t('twoFactor.on') : t('twoFactor.off')}
                      {a.required && <span className="badge flag"> {t('twoFactor.required')}</span>}
                    </td>
                    <td>
                      <div className="actions-row">
                        <button type="button" className="button" onClick={() => requireAgent(a, !a.required_by_name)} aria-label={`${a.required_by_name ? t('twoFactor.unrequireAgent') : t('twoFactor.requireAgent')}: ${a.name}`}>
                          {a.required_by_name ? t('twoFactor.unrequireAgent') : t('twoFactor.requireAgent')}
                        </button>
                        {a.enabled && (
                          <button type="button" className="button" onClick={() => setConfirmReset(a)} aria-label={`${t('twoFactor.reset')}: ${a.name}`}>
                            {t('twoFactor.reset')}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {confirmReset && (
              <div className="card confirm" role="alertdialog" aria-labelledby="reset-q">
                <p id="reset-q">{t('twoFactor.resetConfirm', { name: confirmReset.name })}</p>
                <div className="actions-row">
                  <button type="button" className="button primary" onClick={() => reset(confirmReset)} autoFocus>{t('twoFactor.resetYes')}</button>
                  <button type="button" className="button" onClick={() => setConfirmReset(null)}>{t('twoFactor.cancel')}</button>
                </div>
              </div>
            )}
          </section>
        </>
      )}
    </main>
  );
}
