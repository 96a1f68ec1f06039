import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { del, get, post } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { can, type Me } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import { ConditionsEditor, type ConditionDraft, describeCondition, emptyCondition, type FieldCondition, toConditions } from '../custom-fields/ConditionsEditor.tsx';
import type { FieldDefinition } from '../custom-fields/types.ts';

interface RoutingRule { id: string; name: string; position: number; conditions: FieldCondition[]; team_id: string | null; tier: string | null }
interface SlaPolicy {
  id: string; name: string; segment: string | null; priority: string | null; channel: string | null;
  first_response_minutes: number | null; next_response_minutes: number | null; resolution_minutes: number | null; field_conditions: FieldCondition[];
}

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const CHANNELS = ['email', 'web', 'chat', 'phone', 'social', 'api', 'whatsapp', 'portal'] as const;
const TIERS = ['L1', 'L2', 'L3'] as const;
const minutes = (v: string) => (v.trim() === '' ? null : Number(v));

/**
 * Routing rules and service levels (supervisors and admins): which team and tier take the cases
 * with certain custom field values, and which service level holds for them. Both lists in the order
 * the server applies them; each rule's conditions in words; a form to add one.
 */
export function ServiceRules({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t, i18n } = useTranslation();
  const nl = i18n.language.startsWith('nl');
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [defs, setDefs] = useState<FieldDefinition[]>([]);
  const [teams, setTeams] = useState<{ id: string; name: string }[]>([]);
  const [rules, setRules] = useState<RoutingRule[]>([]);
  const [policies, setPolicies] = useState<SlaPolicy[]>([]);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('rules.saved'));
  const emptyRule = { name: '', position: '0', team_id: '', tier: '', conditions: [emptyCondition()] as ConditionDraft[] };
  const emptyPolicy = { name: '', segment: '', priority: '', channel: '', first: '', next: '', resolution: '', conditions: [] as ConditionDraft[] };
  const [rule, setRule] = useState(emptyRule);
  const [policy, setPolicy] = useState(emptyPolicy);
  useShortcuts({ '?': onHelp });
  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    const ac = new AbortController();
    get<{ data: FieldDefinition[] }>('/api/v1/custom-fields', ac.signal).then((r) => setDefs(r.data), () => {});
    get<{ data: { id: string; name: string }[] }>('/api/v1/teams', ac.signal).then((r) => setTeams(r.data), () => {});
    get<{ data: RoutingRule[] }>('/api/v1/routing/rules', ac.signal).then((r) => setRules(r.data), () => {});
    get<{ data: SlaPolicy[] }>('/api/v1/sla-policies', ac.signal).then((r) => setPolicies(r.data), () => {});
    return () => ac.abort();
  }, [version]);

  const words = (cs: FieldCondition[]) => (cs.length ? cs.map((c) => describeCondition(c, defs, t, nl)).join(t('conditions.and')) : t('conditions.any'));
  const teamName = (id: string | null) => teams.find((x) => x.id === id)?.name ?? id;

  async function saveRule(e: FormEvent) {
    e.preventDefault();
    const body = {
      name: rule.name, position: Number(rule.position) || 0, conditions: toConditions(defs, rule.conditions),
      ...(rule.team_id ? { team_id: rule.team_id } : {}), ...(rule.tier ? { tier: rule.tier } : {}),
    };
    if (await act(() => post('/api/v1/routing/rules', body), t('rules.ruleSaved'))) setRule(emptyRule);
  }
  async function savePolicy(e: FormEvent) {
    e.preventDefault();
    const body = {
      name: policy.name, segment: policy.segment.trim() || null, priority: policy.priority || null, channel: policy.channel || null,
      first_response_minutes: minutes(policy.first), next_response_minutes: minutes(policy.next), resolution_minutes: minutes(policy.resolution),
      field_conditions: toConditions(defs, policy.conditions),
    };
    if (await act(() => post('/api/v1/sla-policies', body), t('rules.policySaved'))) setPolicy(emptyPolicy);
  }
  const mayRoute = can(me, 'routing.manage');
  const mayLevels = can(me, 'service_levels.manage');

  return (
    <main id="main" className="service-rules">
      <h1 ref={titleRef} tabIndex={-1}>{t('rules.title')}</h1>
      <p className="muted">{t('rules.intro')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>

      <section aria-labelledby="routing-rules-title">
        <h2 id="routing-rules-title">{t('rules.routing')}</h2>
        <p className="muted small">{t('rules.routingWhat')}</p>
        {rules.length === 0 ? <p className="muted">{t('rules.noRules')}</p> : (
          <table>
            <thead><tr><th scope="col">{t('rules.order')}</th><th scope="col">{t('rules.name')}</th><th scope="col">{t('rules.when')}</th><th scope="col">{t('rules.then')}</th>{mayRoute && <th scope="col"><span className="visually-hidden">{t('rules.delete')}</span></th>}</tr></thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id}>
                  <td>{r.position}</td>
                  <td>{r.name}</td>
                  <td>{words(r.conditions)}</td>
                  <td>{[r.team_id && t('rules.toTeam', { team: teamName(r.team_id) }), r.tier && t('rules.atTier', { tier: r.tier })].filter(Boolean).join(', ')}</td>
                  {mayRoute && <td><button type="button" className="button" aria-label={t('rules.deleteNamed', { name: r.name })} onClick={() => void act(() => del(`/api/v1/routing/rules/${r.id}`), t('rules.deleted'))}>{t('rules.delete')}</button></td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {mayRoute && (
          <form className="stack card" onSubmit={saveRule} aria-labelledby="routing-rule-new">
            <h3 id="routing-rule-new">{t('rules.newRule')}</h3>
            <label htmlFor="rule-name">{t('rules.name')}</label>
            <input id="rule-name" value={rule.name} onChange={(e) => setRule({ ...rule, name: e.target.value })} required maxLength={200} />
            <label htmlFor="rule-position">{t('rules.order')}</label>
            <input id="rule-position" type="number" min={0} max={10000} value={rule.position} onChange={(e) => setRule({ ...rule, position: e.target.value })} />
            <ConditionsEditor id="rule-condition" defs={defs} value={rule.conditions} onChange={(conditions) => setRule({ ...rule, conditions })} />
            <label htmlFor="rule-team">{t('rules.team')}</label>
            <select id="rule-team" value={rule.team_id} onChange={(e) => setRule({ ...rule, team_id: e.target.value })}>
              <option value="">{t('rules.noTeam')}</option>
              {teams.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
            </select>
            <label htmlFor="rule-tier">{t('rules.tier')}</label>
            <select id="rule-tier" value={rule.tier} onChange={(e) => setRule({ ...rule, tier: e.target.value })}>
              <option value="">{t('rules.noTier')}</option>
              {TIERS.map((x) => <option key={x} value={x}>{x}</option>)}
            </select>
            <button type="submit" className="button primary">{t('rules.saveRule')}</button>
          </form>
        )}
      </section>

      <section aria-labelledby="service-levels-title">
        <h2 id="service-levels-title">{t('rules.levels')}</h2>
        <p className="muted small">{t('rules.levelsWhat')}</p>
        {policies.length === 0 ? <p className="muted">{t('rules.noPolicies')}</p> : (
          <table>
            <thead><tr><th scope="col">{t('rules.name')}</th><th scope="col">{t('rules.when')}</th><th scope="col">{t('rules.targets')}</th>{mayLevels && <th scope="col"><span className="visually-hidden">{t('rules.delete')}</span></th>}</tr></thead>
            <tbody>
              {policies.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>
                    {[p.segment && t('rules.segmentIs', { segment: p.segment }), p.priority && t('rules.priorityIs', { priority: t(`priority.${p.priority}`) }),
                      p.channel && t('rules.channelIs', { channel: p.channel }), p.field_conditions.length ? words(p.field_conditions) : null].filter(Boolean).join(t('conditions.and')) || t('conditions.any')}
                  </td>
                  <td>
                    {[p.first_response_minutes && t('rules.first', { n: p.first_response_minutes }), p.next_response_minutes && t('rules.next', { n: p.next_response_minutes }),
                      p.resolution_minutes && t('rules.resolution', { n: p.resolution_minutes })].filter(Boolean).join(', ')}
                  </td>
                  {mayLevels && <td><button type="button" className="button" aria-label={t('rules.deleteNamed', { name: p.name })} onClick={() => void act(() => del(`/api/v1/sla-policies/${p.id}`), t('rules.deleted'))}>{t('rules.delete')}</button></td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {mayLevels && (
          <form className="stack card" onSubmit={savePolicy} aria-labelledby="policy-new">
            <h3 id="policy-new">{t('rules.newPolicy')}</h3>
            <label htmlFor="policy-name">{t('rules.name')}</label>
            <input id="policy-name" value={policy.name} onChange={(e) => setPolicy({ ...policy, name: e.target.value })} required maxLength={200} />
            <label htmlFor="policy-segment">{t('rules.segment')}</label>
            <input id="policy-segment" value={policy.segment} onChange={(e) => setPolicy({ ...policy, segment: e.target.value })} maxLength={32} placeholder={t('rules.anyPlaceholder')} />
            <label htmlFor="policy-priority">{t('rules.priority')}</label>
            <select id="policy-priority" value={policy.priority} onChange={(e) => setPolicy({ ...policy, priority: e.target.value })}>
              <option value="">{t('rules.any')}</option>
              {PRIORITIES.map((x) => <option key={x} value={x}>{t(`priority.${x}`)}</option>)}
            </select>
            <label htmlFor="policy-channel">{t('rules.channel')}</label>
            <select id="policy-channel" value={policy.channel} onChange={(e) => setPolicy({ ...policy, channel: e.target.value })}>
              <option value="">{t('rules.any')}</option>
              {CHANNELS.map((x) => <option key={x} value={x}>{x}</option>)}
            </select>
            <ConditionsEditor id="policy-condition" defs={defs} value={policy.conditions} onChange={(conditions) => setPolicy({ ...policy, conditions })} />
            {(['first', 'next', 'resolution'] as const).map((k) => (
              <div key={k} className="field">
                <label htmlFor={`policy-${k}`}>{t(`rules.${k}Label`)}</label>
                <input id={`policy-${k}`} type="number" min={1} max={525600} value={policy[k]} onChange={(e) => setPolicy({ ...policy, [k]: e.target.value })} />
              </div>
            ))}
            <button type="submit" className="button primary">{t('rules.savePolicy')}</button>
          </form>
        )}
      </section>
    </main>
  );
}
