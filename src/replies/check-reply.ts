import type { Db } from '../storage/db.ts';
import { guessLanguage } from '../text/language.ts';
import { checkDraft } from './check-draft.ts';
import { looksLikeComplaint } from './complaint.ts';
import { complainsAboutStockReplies } from './stock-complaint.ts';
import { findMantra } from './mantra-index.ts';
import { getReplySettings, type ReplySettings } from './settings.ts';
import type { DraftContext, Finding } from './types.ts';
import { mayContact } from '../rights/may-contact.ts';

export interface CaseForReply {
  id: string;
  customer_id: string;
  language: string | null;
}

export interface ReplyCheckResult {
  findings: Finding[];
  /** true when a finding is set to block: the reply must not be sent */
  blocked: boolean;
}

/**
 * Every check on a draft for this case: the pure checks with what we know of the case and
 * customer, then the mantra lookup, then the account's settings decide per check whether it is
 * off, a warning or a block.
 */
export async function checkReply(
  db: Db,
  accountId: string,
  c: CaseForReply,
  body: string,
  opts: { isComplaint?: boolean } = {},
): Promise<ReplyCheckResult> {
  const [settings, sales, lastInbound] = await Promise.all([
    getReplySettings(db, accountId),
    // consent is decided in one place (src/rights/may-contact.ts): may this customer be sold to?
    mayContact(db, accountId, c.customer_id, 'sales'),
    db.query<{ body: string }>(
      `SELECT body FROM messages WHERE account_id = $1 AND case_id = $2 AND type = 'inbound' ORDER BY created_at DESC LIMIT 1`,
      [accountId, c.id],
    ),
  ]);
  const language = languageOf(c.language, body);
  const said = lastInbound[0]?.body ?? '';
  const m = settings.checks.mantra !== 'off' || settings.checks.stock_reply !== 'off'
    ? await findMantra(db, accountId, body, c.customer_id, { ...settings.mantra, enough: settings.mantra.min_customers })
    : null;
  const ctx: DraftContext = {
    language,
    isComplaint: opts.isComplaint ?? looksLikeComplaint(said),
    salesOptOut: !sales.allowed,
    askedForPersonalReply: complainsAboutStockReplies(said, languageOf(c.language, said)),
    sentToOthers: m?.customers ?? 0,
  };
  const findings = checkDraft(body, ctx);
  if (settings.checks.mantra !== 'off' && m && m.customers >= settings.mantra.min_customers) findings.push(mantraFinding(language, m.customers, settings));
  return applySettings(findings, settings);
}

export function applySettings(findings: Finding[], settings: ReplySettings): ReplyCheckResult {
  const out: Finding[] = [];
  for (const f of findings) {
    const mode = settings.checks[f.check];
    if (mode === 'off') continue;
    out.push(mode === 'block' ? { ...f, severity: 'block' } : f.severity === 'block' ? { ...f, severity: 'warning' } : f);
  }
  return { findings: out, blocked: out.some((f) => f.severity === 'block') };
}

function languageOf(caseLanguage: string | null, body: string): 'nl' | 'en' {
  const guessed = guessLanguage(body);
  if (guessed) return guessed;
  return caseLanguage?.startsWith('en') ? 'en' : 'nl';
}

function mantraFinding(language: 'nl' | 'en', customers: number, settings: ReplySettings): Finding {
  const days = settings.mantra.days;
  return language === 'nl'
    ? { check: 'mantra', severity: 'warning', span: null, message: `Bijna hetzelfde antwoord ging de afgelopen ${days} dagen al naar ${customers} andere klanten.`, suggestion: 'Schrijf de klant persoonlijk: ga in op zijn situatie, noem wat u voor hem doet en wanneer.' }
    : { check: 'mantra', severity: 'warning', span: null, message: `Nearly the same reply went to ${customers} other customers in the last ${days} days.`, suggestion: 'Write to this customer personally: address their situation, say what you do for them and when.' };
}
