// Shared by the helpdesk import tests (import-freshdesk, import-zammad, import-chatwoot): what an account holds, a case by its source id.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../src/storage/db.ts';
import { systemActor } from '../src/shared/actor.ts';
import { createAgent } from '../src/accounts/create-agent.ts';
import { createField } from '../src/custom-fields/manage-fields.ts';
import type { FieldEntity } from '../src/custom-fields/fields.ts';

/** Row counts of everything an import may write, for "nothing changed". */
export async function counts(db: Db, accountId: string): Promise<Record<string, number>> {
  return (await db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM messages WHERE account_id = $1) AS messages, (SELECT count(*)::int FROM cases WHERE account_id = $1) AS cases,
       (SELECT count(*)::int FROM customers WHERE account_id = $1) AS customers, (SELECT count(*)::int FROM case_tags WHERE account_id = $1) AS tags,
       (SELECT count(*)::int FROM organisations WHERE account_id = $1) AS organisations, (SELECT count(*)::int FROM organisation_domains WHERE account_id = $1) AS domains,
       (SELECT count(*)::int FROM customers WHERE account_id = $1 AND organisation_id IS NOT NULL) AS linked,
       (SELECT count(*)::int FROM import_refs WHERE account_id = $1) AS refs,
       (SELECT count(*)::int FROM audit_log WHERE account_id = $1) AS audit, (SELECT count(*)::int FROM jobs WHERE account_id = $1) AS jobs`, [accountId]))[0];
}

/** The case a source ticket became, with its tags, and its messages oldest first. */
export async function caseOf(db: Db, accountId: string, source: string, externalId: string) {
  const [c] = await db.query<Record<string, any>>(
    `SELECT c.*, coalesce((SELECT array_agg(tag ORDER BY tag) FROM case_tags t WHERE t.account_id = c.account_id AND t.case_id = c.id), '{}') AS tags,
       (SELECT o.name FROM customers cu JOIN organisations o ON o.account_id = cu.account_id AND o.id = cu.organisation_id WHERE cu.account_id = c.account_id AND cu.id = c.customer_id) AS organisation,
       (SELECT cu.custom_fields FROM customers cu WHERE cu.account_id = c.account_id AND cu.id = c.customer_id) AS customer_fields
     FROM import_refs r JOIN cases c ON c.account_id = r.account_id AND c.id = r.local_id
     WHERE r.account_id = $1 AND r.source = $2 AND r.kind = 'ticket' AND r.external_id = $3`, [accountId, source, externalId]);
  if (!c) return undefined;
  const messages = await db.query<{ type: string; body: string; author_agent_id: string | null; created_at: Date; intake_notes: string[]; delivery_status: string | null }>(
    'SELECT type, body, author_agent_id, created_at, intake_notes, delivery_status FROM messages WHERE account_id = $1 AND case_id = $2 ORDER BY created_at, id', [accountId, c.id]);
  return Object.assign(c, { messages }) as Record<string, any> & { messages: typeof messages };
}

/** An account's agent (matched by e-mail) and the custom fields the samples' values go to. */
export async function setUpAccount(db: Db, accountId: string, fields: { entity: FieldEntity; key: string }[]): Promise<string> {
  const actor = systemActor(accountId);
  const agent = await createAgent(db, actor, { email: 'Sanne@Helpdesk.example', name: 'Sanne Bakker', role: 'agent' });
  for (const f of fields) await createField(db, actor, { ...f, label_nl: f.key, label_en: f.key, type: 'text' });
  return agent.id;
}

/** A copy of a sample export to spoil, removed afterwards. */
export async function withCopy<T>(sample: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'luister-helpdesk-'));
  try {
    cpSync(sample, dir, { recursive: true });
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
