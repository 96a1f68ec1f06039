/**
 * The CTEs that go with a customer contact counted on the case row `u` (an UPDATE … RETURNING of
 * cases, account in $1), in the statement that counts it: the audit row `case.contact_added`, a
 * notification for each active follower (`f`), each rung live on `liveChannel` (`rung`, its count in
 * `n`: select from it so it runs). The arguments are SQL expressions: parameter references or columns.
 * Shared by the case road (receive-message.ts) and the chat's one-statement path.
 */
export function contactAddedCtes(p: { actorType: string; actorId: string; requestId: string; beforeStatus: string; liveChannel: string }): string {
  return `a AS (
       INSERT INTO audit_log (account_id, actor_type, actor_id, action, entity_type, entity_id, before, after, request_id)
       SELECT $1, ${p.actorType}::text, ${p.actorId}::uuid, 'case.contact_added', 'case', u.id,
         jsonb_build_object('contact_count', u.contact_count - 1, 'status', ${p.beforeStatus}::text),
         jsonb_build_object('contact_count', u.contact_count, 'status', u.status), ${p.requestId}::text
       FROM u),
     f AS (
       INSERT INTO notifications (account_id, agent_id, kind, body, case_id)
       SELECT $1, fo.agent_id, 'case.customer_message', u.ref || ': nieuw bericht van de klant — ' || left(u.subject, 200), u.id
       FROM u JOIN case_followers fo ON fo.account_id = $1 AND fo.case_id = u.id
       JOIN agents g ON g.account_id = fo.account_id AND g.id = fo.agent_id AND g.active
       RETURNING id, agent_id, case_id),
     rung AS (
       SELECT count(pg_notify(${p.liveChannel}, json_build_object('account_id', $1::text, 'event', 'notification.created',
         'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'agent_id', agent_id, 'case_id', case_id, 'id', id)::text)) AS n
       FROM f)`;
}
