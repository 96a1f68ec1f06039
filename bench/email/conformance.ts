/**
 * Every raw message of ../shared/data/email through the real intake road (emailAdapter → pipeline →
 * case, message, attachments, acknowledgement) on a database, counting what became of each one, and
 * where a suite states the expected parse (mime4j's decoded parts and header fields), whether our
 * stored sender, subject and text agree with it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LOOKS_LIKE_MAIL, MAIL_EXT, walk } from './files.ts';
import { simpleParser } from 'mailparser';
import type { Db } from '../../src/storage/db.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { loadInbox } from '../../src/intake/inboxes/store.ts';
import { receiveInbound, type IntakeConfig } from '../../src/intake/receive-message.ts';
import { emailAdapter } from '../../src/intake/channels/email/parse-email.ts';

/** Delivered as over SMTP: with an envelope sender, used only when the From header has no usable address. */
export const ENVELOPE_FROM = 'envelope-sender@conformance.invalid';

export interface SuiteIntake {
  suite: string;
  messages: number;
  stored: number;
  duplicates: number;
  bounces: number;
  refused: { file: string; reason: string }[];
  crashed: { file: string; error: string }[];
  /** mime4j only: expected vs ours where the suite states it */
  from: { checked: number; agree: number; disagree: string[] };
  subject: { checked: number; agree: number; disagree: string[] };
  text: { checked: number; agree: number; disagree: string[] };
}


const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** mime4j X.xml: the top-level header fields, unfolded. */
function topFields(xml: string): Map<string, string> {
  const header = /<header>([\s\S]*?)<\/header>/.exec(xml)?.[1] ?? '';
  const fields = new Map<string, string>();
  for (const m of header.matchAll(/<field>\s*([\s\S]*?)<\/field>/g)) {
    const text = m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const colon = text.indexOf(':');
    const key = text.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && !fields.has(key)) fields.set(key, text.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
  }
  return fields;
}

/** mime4j X_decoded.xml: the file of the first text/plain part, with its charset. */
function firstPlainPart(decodedXml: string): { file: string; charset: string } | null {
  let type = 'text/plain';
  let charset = 'us-ascii';
  for (const m of decodedXml.matchAll(/<field>\s*([\s\S]*?)<\/field>|<text-body name="([^"]+)"\/>/g)) {
    if (m[1] && /^content-type:/i.test(m[1])) {
      type = /^content-type:\s*([^;\s]+)/i.exec(m[1])![1].toLowerCase();
      charset = /charset="?([^";\s]+)/i.exec(m[1])?.[1].toLowerCase() ?? 'us-ascii';
    } else if (m[2]) {
      if (type === 'text/plain') return { file: m[2], charset };
      type = 'text/plain';
      charset = 'us-ascii';
    }
  }
  return null;
}

function decodeAs(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset === 'us-ascii' ? 'utf-8' : charset).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

export async function ingestAll(db: Db, sharedEmailDir: string, config: IntakeConfig): Promise<SuiteIntake[]> {
  const files = walk(sharedEmailDir).filter((p) => MAIL_EXT.test(p));
  const suites = new Map<string, SuiteIntake>();
  const { account } = await createAccount(db, { name: `Conformance ${Date.now()}`, adminEmail: `admin.${Date.now()}@conformance.invalid`, adminName: 'Conformance' });
  const accountId = account.account_id;
  const actor = systemActor(accountId);
  const inboxRow = await createInbox(db, actor, { address: `conformance.${Date.now()}@luister.invalid`, name: 'Conformance', acknowledge: true });
  const inbox = await loadInbox(db, accountId, inboxRow.id);

  for (const path of files) {
    const file = relative(sharedEmailDir, path).split('\\').join('/');
    const raw = readFileSync(path);
    const firstLine = raw.subarray(0, 2000).toString('latin1').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
    if (!LOOKS_LIKE_MAIL.test(firstLine)) continue; // a reply body or a headerless test input, not an RFC 5322 message
    const name = file.split('/')[0];
    let s = suites.get(name);
    if (!s) {
      s = { suite: name, messages: 0, stored: 0, duplicates: 0, bounces: 0, refused: [], crashed: [],
        from: { checked: 0, agree: 0, disagree: [] }, subject: { checked: 0, agree: 0, disagree: [] }, text: { checked: 0, agree: 0, disagree: [] } };
      suites.set(name, s);
    }
    s.messages++;
    let messageId: string | null = null;
    try {
      const r = await receiveInbound(db, emailAdapter, raw, { accountId, inbox, to: inbox.address, envelopeFrom: ENVELOPE_FROM }, config);
      if (r.outcome === 'stored') (s.stored++, (messageId = r.messageId));
      else if (r.outcome === 'duplicate') (s.duplicates++, (messageId = r.messageId));
      else if (r.outcome === 'bounce_recorded') s.bounces++;
      else s.refused.push({ file, reason: r.reason });
    } catch (err) {
      s.crashed.push({ file, error: (err as Error).message.slice(0, 200) });
      continue;
    }
    if (name === 'mime4j' && messageId) await compareMime4j(db, accountId, messageId, path, file, s);
  }
  return [...suites.values()];
}

async function compareMime4j(db: Db, accountId: string, messageId: string, path: string, file: string, s: SuiteIntake) {
  const xmlPath = path.replace(/\.msg$/, '.xml');
  const decodedPath = path.replace(/\.msg$/, '_decoded.xml');
  if (!existsSync(xmlPath)) return;
  const [m] = await db.query<{ from_address: string | null; subject: string | null; body: string; original_body: string | null }>(
    'SELECT from_address, subject, body, original_body FROM messages WHERE account_id = $1 AND id = $2', [accountId, messageId]);
  const fields = topFields(readFileSync(xmlPath, 'utf8'));
  const from = fields.get('from');
  const subject = fields.get('subject');
  // the suite's header field, decoded on its own (RFC 2047 words, address lists)
  const header = await simpleParser(`${from ? `From: ${from}\r\n` : ''}${subject !== undefined ? `Subject: ${subject}\r\n` : ''}\r\n`);
  if (from) {
    const expected = header.from?.value.map((a) => a.address ?? '').find((a) => a.includes('@'))?.toLowerCase();
    if (expected) {
      s.from.checked++;
      if (m.from_address === expected) s.from.agree++;
      else s.from.disagree.push(`${file}: expected ${expected}, got ${m.from_address}`);
    }
  }
  if (subject !== undefined) {
    s.subject.checked++;
    const expected = norm(header.subject ?? '');
    if (norm(m.subject ?? '') === expected) s.subject.agree++;
    else s.subject.disagree.push(`${file}: expected "${expected.slice(0, 60)}", got "${(m.subject ?? '').slice(0, 60)}"`);
  }
  if (existsSync(decodedPath)) {
    const part = firstPlainPart(readFileSync(decodedPath, 'utf8'));
    const partPath = part && join(path, '..', part.file);
    if (part && partPath && existsSync(partPath)) {
      const expected = norm(decodeAs(readFileSync(partPath), part.charset));
      if (expected) {
        s.text.checked++;
        const ours = norm(m.original_body ?? m.body);
        if (ours.includes(expected) || ours.includes(expected.slice(0, 200))) s.text.agree++;
        else s.text.disagree.push(`${file}: expected "${expected.slice(0, 50)}…", got "${ours.slice(0, 50)}…"`);
      }
    }
  }
}
