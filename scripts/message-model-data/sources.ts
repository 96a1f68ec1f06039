// The labelled messages the message model learns from and is measured on, with their splits.
// - own: scripts/message-model-data/own-messages.txt, written for this project (Dutch, English);
// - dev: bench/eval-dev/messages.jsonl, the development set of issue 14 (ours too);
// - real, from ../shared/data when it is there (read at training time only; the product never
//   reads it): NLU++ (folds 0-14 train, 15-19 held out), BANKING77 (train.csv, a third, trains;
//   test.csv is held out), CFPB complaint narratives (4 in 5 train, every 5th held out), xSID
//   Dutch assistant commands as neutral Dutch text (valid trains, test held out).
// A source labels only what it knows: a head without a label is not trained on that example.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Head } from '../../src/listening/message-model/score-message.ts';

export type Labels = Partial<Record<Head, 0 | 1>>;
export interface Example {
  text: string;
  language: 'nl' | 'en';
  labels: Labels;
  source: string;
}
export type Split = 'train' | 'heldout';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

interface Gold {
  intents: string[];
  sentiment: 'negative' | 'neutral' | 'positive';
  anger: boolean;
}
function fromGold(g: Gold): Labels {
  const has = (i: string) => (g.intents.includes(i) ? 1 : 0);
  return {
    complaint: has('complaint'),
    refund_request: has('refund_request'),
    opt_out: has('opt_out'),
    cancellation: has('cancellation'),
    anger: g.anger ? 1 : 0,
    negative: g.sentiment === 'negative' ? 1 : 0,
    positive: g.sentiment === 'positive' ? 1 : 0,
  };
}

export function ownMessages(): Example[] {
  const out: Example[] = [];
  for (const line of readFileSync(`${ROOT}scripts/message-model-data/own-messages.txt`, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [lang, intents, s, a, ...rest] = line.split('|');
    const sentiment = s === 'n' ? 'negative' : s === 'p' ? 'positive' : 'neutral';
    out.push({ text: rest.join('|'), language: lang as 'nl' | 'en', labels: fromGold({ intents: intents === '-' ? [] : intents!.split(','), sentiment, anger: a === '1' }), source: 'own' });
  }
  return out;
}

export function devMessages(): Example[] {
  return readFileSync(`${ROOT}bench/eval-dev/messages.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Gold & { text: string; lang: 'nl' | 'en' })
    .map((m) => ({ text: m.text, language: m.lang, labels: fromGold(m), source: 'dev' }));
}

export function realAvailable(): boolean {
  return existsSync(`${DATA}dutch-text/nlupp`);
}

const INFO = ['request_info', 'how', 'why', 'when', 'how_much', 'how_long', 'when', 'booking', 'change', 'make_open_apply_setup_get_activate', 'affirm', 'deny', 'acknowledge', 'greet'];
export function nlupp(split: Split): Example[] {
  const dir = `${DATA}dutch-text/nlupp/`;
  if (!existsSync(dir)) return [];
  const out: Example[] = [];
  for (const domain of ['banking', 'hotels'])
    for (const f of readdirSync(`${dir}${domain}`).filter((x) => /^fold\d+\.json$/.test(x))) {
      const fold = Number(f.match(/\d+/)![0]);
      if ((fold >= 15) !== (split === 'heldout')) continue;
      for (const e of JSON.parse(readFileSync(`${dir}${domain}/${f}`, 'utf8')) as { text: string; intents?: string[] }[]) {
        const it = new Set(e.intents ?? []);
        const wrong = it.has('wrong_notworking_notshowing');
        const labels: Labels = { refund_request: it.has('refund') ? 1 : 0, cancellation: it.has('cancel_close_leave_freeze') ? 1 : 0, opt_out: 0, anger: 0 };
        if (wrong) labels.complaint = 1;
        else if ([...it].every((i) => INFO.includes(i))) labels.complaint = 0;
        if (it.has('thank') && !wrong) Object.assign(labels, { positive: 1, negative: 0 });
        else if (!wrong && !it.has('lost_stolen') && [...it].every((i) => INFO.includes(i))) Object.assign(labels, { positive: 0, negative: 0 });
        out.push({ text: e.text, language: 'en', labels, source: 'nlupp' });
      }
    }
  return out;
}

const B77_COMPLAINT = new Set([
  'card_not_working', 'contactless_not_working', 'virtual_card_not_working', 'declined_card_payment', 'declined_transfer', 'declined_cash_withdrawal',
  'wrong_amount_of_cash_received', 'extra_charge_on_statement', 'transaction_charged_twice', 'card_payment_wrong_exchange_rate',
  'wrong_exchange_rate_for_cash_withdrawal', 'card_swallowed', 'balance_not_updated_after_bank_transfer', 'balance_not_updated_after_cheque_or_cash_deposit',
  'transfer_not_received_by_recipient', 'direct_debit_payment_not_recognised', 'card_payment_not_recognised', 'cash_withdrawal_not_recognised',
  'Refund_not_showing_up', 'failed_transfer', 'top_up_failed', 'top_up_reverted', 'request_refund',
]);
const B77_INFO = new Set([
  'exchange_rate', 'top_up_limits', 'country_support', 'supported_cards_and_currencies', 'card_acceptance', 'order_physical_card', 'getting_virtual_card',
  'getting_spare_card', 'visa_or_mastercard', 'age_limit', 'fiat_currency_support', 'disposable_card_limits', 'receiving_money', 'edit_personal_details',
  'change_pin', 'apple_pay_or_google_pay', 'automatic_top_up', 'exchange_via_app', 'transfer_timing', 'card_delivery_estimate', 'activate_my_card',
  'verify_my_identity', 'why_verify_identity', 'get_physical_card', 'get_disposable_virtual_card', 'top_up_by_cash_or_cheque', 'topping_up_by_card',
  'card_linking', 'transfer_into_account', 'card_about_to_expire', 'verify_source_of_funds',
]);
export function banking77(split: Split): Example[] {
  const file = `${DATA}dutch-text/banking77/${split === 'train' ? 'train' : 'test'}.csv`;
  if (!existsSync(file)) return [];
  const rows = parseCsv(readFileSync(file, 'utf8'), { from_line: 2 }) as string[][];
  return rows
    .filter((_, i) => split === 'heldout' || i % 3 === 0)
    .map(([text, cat]) => {
      const labels: Labels = {
        refund_request: cat === 'request_refund' ? 1 : 0,
        cancellation: cat === 'terminate_account' || cat === 'cancel_transfer' ? 1 : 0,
        opt_out: 0,
        anger: 0,
      };
      if (cat === 'Refund_not_showing_up') delete labels.refund_request;
      if (B77_COMPLAINT.has(cat!)) labels.complaint = 1;
      if (B77_INFO.has(cat!)) Object.assign(labels, { complaint: 0, negative: 0, positive: 0 });
      return { text: text!, language: 'en' as const, labels, source: `banking77:${cat}` };
    });
}

export function cfpb(split: Split): Example[] {
  const file = `${DATA}complaints/cfpb_complaints_sample.csv`;
  if (!existsSync(file)) return [];
  const rows = parseCsv(readFileSync(file, 'utf8'), { from_line: 2, relax_quotes: true }) as string[][];
  const out: Example[] = [];
  let n = 0;
  for (const r of rows) {
    const narrative = r[5]?.trim();
    if (!narrative) continue;
    if ((n++ % 5 === 0) !== (split === 'heldout')) continue;
    // the opening of the narrative: a message's length, not a letter's
    const text = narrative.slice(0, 600).replace(/\s\S*$/, '');
    out.push({ text, language: 'en', labels: { complaint: 1, negative: 1, positive: 0, opt_out: 0 }, source: 'cfpb' });
  }
  return out;
}

export function xsidDutch(split: Split): Example[] {
  const file = `${DATA}dutch-text/xsid-nl/nl.${split === 'train' ? 'valid' : 'test'}.conll`;
  if (!existsSync(file)) return [];
  const out: Example[] = [];
  for (const block of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
    const text = block.match(/^# text = (.*)$/m)?.[1]?.trim();
    if (text) out.push({ text, language: 'nl', labels: { complaint: 0, refund_request: 0, opt_out: 0, anger: 0, negative: 0, positive: 0 }, source: 'xsid-nl' });
  }
  return out;
}

export function realExamples(split: Split): Example[] {
  return [...nlupp(split), ...banking77(split), ...cfpb(split), ...xsidDutch(split)];
}
