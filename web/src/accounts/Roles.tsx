import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, del, get, patch, post, put } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import type { Agent, Me } from '../shared/types.ts';
import { type CustomRole, type PermissionInfo, type RoleDraft, RoleEditor } from './RoleEditor.tsx';

type AgentRow = Agent & { custom_role_id: string | null; active: boolean };

/**
 * Roles (who holds roles.manage): the custom roles with what they grant, an editor to compose one from
 * the permission names, and who has which role. `n` starts a new role.
 */
export function Roles({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const allowed = me.actor.permissions?.includes('roles.manage') ?? false;
  const [roles, setRoles] = useState<CustomRole[] | null>(null);
  const [permissions, setPermissions] = useState<PermissionInfo[]>([]);
  const [agents, setAgents] = useState<AgentRow[]>([]);
  const [editing, setEditing] = useState<CustomRole | 'new' | null>(null);
  const [confirming, setConfirming] = useState<CustomRole | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  useShortcuts({ '?': onHelp, n: () => allowed && setEditing('new') });

  const load = useCallback(async () => {
    const [r, p, a] = await Promise.all([
      get<{ data: CustomRole[] }>('/api/v1/roles'), get<{ data: PermissionInfo[] }>('/api/v1/permissions'), get<{ data: AgentRow[] }>('/api/v1/agents'),
    ]);
    setRoles(r.data);
    setPermissions(p.data);
    setAgents(a.data.filter((x) => x.active));
  }, []);
  useEffect(() => {
    if (allowed) load().catch((e) => setNotice({ kind: 'error', text: t('app.error', { message: (e as Error).message }) }));
  }, [allowed, load, t]);

  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      setNotice({ kind: 'ok', text: ok });
      await load();
      return true;
    } catch (err) {
      setNotice({ kind: 'error', text: err instanceof ApiError ? err.message : String(err) });
      return false;
    }
  };
  const save = async (draft: RoleDraft) => {
    const ok = editing && editing !== 'new'
      ? await run(() => patch(`/api/v1/roles/${editing.id}`, draft), t('roles.saved', { name: draft.name }))
      : await run(() => post('/api/v1/roles', draft), t('roles.created', { name: draft.name }));
    if (ok) setEditing(null);
    return ok;
  };
  const assign = (agent: AgentRow, roleId: string) => {
    const role = roles?.find((r) => r.id === roleId);
    void run(() => put(`/api/v1/agents/${agent.id}/custom-role`, { custom_role_id: role?.id ?? null }),
      role ? t('roles.assigned', { agent: agent.name, role: role.name }) : t('roles.unassigned', { agent: agent.name }));
  };

  if (!allowed)
    return (
      <main id="main">
        <h1 tabIndex={-1} ref={titleRef}>{t('roles.title')}</h1>
        <p>{t('roles.adminsOnly')}</p>
      </main>
    );
  return (
    <main id="main" className="roles">
      <h1 tabIndex={-1} ref={titleRef}>{t('roles.title')}</h1>
      <p className="muted">{t('roles.intro')}</p>
      <p role="status" aria-live="polite" className={notice?.kind === 'error' ? 'error' : undefined} data-testid="roles-notice">{notice?.text ?? ''}</p>
      <section className="card" aria-labelledby="roles-list-title">
        <h2 id="roles-list-title">{t('roles.listTitle')}</h2>
        {roles === null ? <p className="muted">{t('app.loading')}</p> : roles.length === 0 ? <p>{t('roles.empty')}</p> : (
          <table>
            <thead>
              <tr><th scope="col">{t('roles.colName')}</th><th scope="col">{t('roles.colPermissions')}</th><th scope="col">{t('roles.colAgents')}</th>
                <th scope="col"><span className="visually-hidden">{t('roles.edit')}</span></th></tr>
            </thead>
            <tbody>
              {roles.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}{r.description && <div className="muted">{r.description}</div>}</th>
                  <td>
                    {t('roles.permissionsCount', { count: r.permissions.length })}
                    <ul className="plain">{r.permissions.map((p) => <li key={p}><code>{p}</code></li>)}</ul>
                  </td>
                  <td>{t('roles.agentsCount', { count: r.agent_ids.length })}</td>
                  <td className="actions">
                    <button type="button" className="button" onClick={() => setEditing(r)}>{t('roles.edit')}<span className="visually-hidden"> {r.name}</span></button>
                    {confirming?.id === r.id ? (
                      <span role="group" aria-label={t('roles.confirmDelete', { name: r.name })}>
                        <span>{t('roles.confirmDelete', { name: r.name })}</span>{' '}
                        <button type="button" className="button danger" autoFocus onClick={() => { setConfirming(null); void run(() => del(`/api/v1/roles/${r.id}`), t('roles.deleted', { name: r.name })); }}>{t('roles.confirmYes')}</button>
                        <button type="button" className="button" onClick={() => setConfirming(null)}>{t('roles.cancel')}</button>
                      </span>
                    ) : (
                      <button type="button" className="button" onClick={() => setConfirming(r)}>{t('roles.delete')}<span className="visually-hidden"> {r.name}</span></button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editing === null && <button type="button" className="button primary" onClick={() => setEditing('new')} aria-keyshortcuts="n">{t('roles.newRole')} <kbd>n</kbd></button>}
      </section>
      {editing !== null && permissions.length > 0 && (
        <RoleEditor key={editing === 'new' ? 'new' : editing.id} role={editing === 'new' ? null : editing} permissions={permissions} onSave={save} onCancel={() => setEditing(null)} />
      )}
      <section className="card" aria-labelledby="roles-assign-title">
        <h2 id="roles-assign-title">{t('roles.assignTitle')}</h2>
        <p className="muted">{t('roles.assignHint')}</p>
        <table>
          <thead><tr><th scope="col">{t('roles.colAgent')}</th><th scope="col">{t('roles.colBuiltIn')}</th><th scope="col">{t('roles.colCustom')}</th></tr></thead>
          <tbody>
            {agents.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name} <span className="muted">{a.email}</span></th>
                <td>{t(`roles.builtIn.${a.role}`)}</td>
                <td>
                  <select aria-label={t('roles.customRoleOf', { name: a.name })} value={a.custom_role_id ?? ''} onChange={(e) => assign(a, e.target.value)}>
                    <option value="">{t('roles.none')}</option>
                    {(roles ?? []).map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
