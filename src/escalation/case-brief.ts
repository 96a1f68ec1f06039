import type { Db } from '../storage/db.ts';
import { formatWhen } from '../intake/acknowledgement-text.ts';
import { getServiceSettings } from '../promises/settings.ts';

/**
 * The case brief that travels with an escalation, so the next tier never asks the customer to
 * tell the story again: who the customer is, what happened, what was promised, what was tried.
 * Plain text in Dutch, from the case's own records.
 */
export async function caseBrief(db: Db, accountId: string, caseId: string): Promise<string> {
  const [c] = await db.query<{
    ref: string; subject: string; status: string; tier: string; contact_count: number; transfer_count: number; created_at: Date;
    name: string; segment: string; vulnerable: boolean; media: boolean; sales_opt_out: boolean; customer_id: string; owner: string | null;
  }>(
    `SELECT c.ref, c.subject, c.status, c.tier, c.contact_count, c.transfer_count, c.created_at, cu.name, cu.segment, cu.vulnerable, cu.media,
       cu.sales_opt_out, c.customer_id, a.name AS owner
     FROM cases c JOIN customers cu ON cu.account_id = c.account_id AND cu.id = c.customer_id
     LEFT JOIN agents a ON a.account_id = c.account_id AND a.id = c.owner_id
     WHERE c.account_id = $1 AND c.id = $2`,
    [accountId, caseId],
  );
  const { time_zone: tz } = await getServiceSettings(db, accountId);
  const when = (d: Date) => formatWhen(new Date(d), 'nl', tz);
  const [identities, otherCases, messages, promises, owners] = await Promise.all([
    db.query<{ kind: string; value: string; bouncing_since: Date | null }>('SELECT kind, value, bouncing_since FROM customer_identities WHERE account_id = $1 AND customer_id = $2', [accountId, c.customer_id]),
    db.query<{ ref: string; subject: string; status: string }>('SELECT ref, subject, status FROM cases WHERE account_id = $1 AND customer_id = $2 AND id <> $3 ORDER BY created_at DESC LIMIT 5', [accountId, c.customer_id, caseId]),
    db.query<{ type: string; body: string; created_at: Date; anger: number | null; intents: string[] | null; money: { cents: number; currency: string }[] | null }>(
      `SELECT m.type, m.body, m.created_at, a.anger, a.intents, a.money FROM messages m
       LEFT JOIN message_analysis a ON a.account_id = m.account_id AND a.message_id = m.id
       WHERE m.account_id = $1 AND m.case_id = $2 AND m.automated IS NULL ORDER BY m.created_at`,
      [accountId, caseId],
    ),
    db.query<{ description: string; due_at: Date; state: string }>('SELECT description, due_at, state FROM promises WHERE account_id = $1 AND case_id = $2 ORDER BY due_at', [accountId, caseId]),
    db.query<{ name: string }>(
      `SELECT DISTINCT a.name FROM case_transfers t JOIN agents a ON a.account_id = t.account_id AND a.id = t.to_agent_id
       WHERE t.account_id = $1 AND t.case_id = $2 AND t.status = 'accepted'`,
      [accountId, caseId],
    ),
  ]);
  const inbound = messages.filter((m) => m.type === 'inbound');
  const outbound = messages.filter((m) => m.type === 'outbound');
  const notes = messages.filter((m) => m.type === 'note');
  const flags = [c.vulnerable && 'kwetsbaar', c.media && 'bekend bij de media', c.sales_opt_out && 'wil geen verkoop'].filter(Boolean);
  const amounts = [...new Set(inbound.flatMap((m) => m.money ?? []).map((x) => `${x.currency === 'EUR' ? '€' : x.currency} ${(x.cents / 100).toFixed(2).replace('.', ',')}`))];
  const intents = [...new Set(inbound.flatMap((m) => m.intents ?? []))];
  const anger = Math.max(0, ...inbound.map((m) => m.anger ?? 0));
  const excerpt = (s: string, n = 240) => (s.length > n ? `${s.slice(0, n).trimEnd()}…` : s).replace(/\s+/g, ' ');

  return [
    `DOSSIEROVERDRACHT ${c.ref} — ${c.subject}`,
    '',
    'Wie',
    `- ${c.name || '(naam onbekend)'}, segment ${c.segment}${flags.length ? `, ${flags.join(', ')}` : ''}`,
    `- ${identities.map((i) => `${i.value}${i.bouncing_since ? ' (mail komt niet aan)' : ''}`).join(', ') || 'geen contactgegevens'}`,
    otherCases.length ? `- eerdere zaken: ${otherCases.map((o) => `${o.ref} "${excerpt(o.subject, 60)}" (${o.status})`).join('; ')}` : '- geen eerdere zaken',
    '',
    'Wat er gebeurde',
    `- sinds ${when(c.created_at)}, ${c.contact_count} contact(en), nu ${c.status}, ${c.tier}`,
    ...(inbound[0] ? [`- eerste bericht: "${excerpt(inbound[0].body)}"`] : []),
    ...(inbound.length > 1 ? [`- laatste bericht (${when(inbound[inbound.length - 1].created_at)}): "${excerpt(inbound[inbound.length - 1].body)}"`] : []),
    ...(intents.length ? [`- gaat over: ${intents.join(', ')}`] : []),
    ...(amounts.length ? [`- genoemde bedragen: ${amounts.join(', ')}`] : []),
    ...(anger >= 0.5 ? [`- klant is boos (boosheid ${anger.toFixed(2)})`] : []),
    '',
    'Wat we beloofden',
    ...(promises.length ? promises.map((p) => `- ${p.description} — ${when(p.due_at)} (${p.state === 'breached' ? 'NIET NAGEKOMEN' : p.state})`) : ['- niets']),
    '',
    'Wat we probeerden',
    `- ${outbound.length} antwoord(en) aan de klant${outbound.length ? `; laatste (${when(outbound[outbound.length - 1].created_at)}): "${excerpt(outbound[outbound.length - 1].body)}"` : ''}`,
    ...(notes.length ? [`- interne notities: ${notes.map((n) => `"${excerpt(n.body, 120)}"`).join('; ')}`] : []),
    `- behandeld door: ${[c.owner, ...owners.map((o) => o.name)].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(', ') || 'nog niemand'}${c.transfer_count ? ` (${c.transfer_count}× overgedragen)` : ''}`,
  ].join('\n');
}
