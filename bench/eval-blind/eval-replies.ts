/**
 * Part 2 of bench/eval-blind.ts: replies.jsonl through the reply checks (checkDraft: the pure checks that
 * checkReply runs; the mantra lookup needs the account's sent replies and is discussed below).
 *
 * The context is built as checkReply builds it: language = guessLanguage(reply) or the item's language;
 * isComplaint = looksLikeComplaint(what the customer wrote) — the set gives an English one-line description of the
 * customer's message, not the message, so this is a proxy; salesOptOut = "opted out of marketing: yes".
 *
 * Label → the check meant to catch it (mapping chosen here, from what each check flags):
 *  - blame              ← `blame` fires (blame-shifting, "you should have", "not our responsibility")
 *  - condescension      ← `condescension` fires
 *  - apology            ← `apology` does NOT fire with isComplaint forced true (the check looks for an apology and
 *                          complains when a complaint gets none, so its silence = "an apology was found")
 *  - thanks             ← `thanks` does NOT fire (same logic)
 *  - no_concrete_action ← `action` fires ("the reply does not say what we will do"); also shown: `action` AND
 *                          `next_contact` both fire (no deed and no time)
 *  - sales_pitch        ← `sales_pitch` fires. As shipped it only looks when the customer opted out (a block);
 *                          also shown with salesOptOut forced true for every reply (what the pitch detector sees)
 *  - stock_reply        ← `mantra` (near-duplicate of replies sent to >= 20 other customers in 30 days). It needs
 *                          that history, so on one reply it cannot fire: recall 0 by construction. Shown beside it:
 *                          `signature` (no named person) as a proxy, and what the checks say to the 8 stock replies
 *                          sent to customers who complained about stock replies.
 *                        ← `stock_reply` (issue 14): fires when the customer complained about stock replies and the
 *                          draft reads like a template. Measured twice: with the context line's "complained about
 *                          stock replies" flag, and with the product's own reading of what the customer wrote
 *                          (complainsAboutStockReplies on the line's first part, as checkReply reads the last
 *                          inbound message). The template reading alone (looksLikeStockReply) on every reply too.
 */
import { checkDraft } from '../../src/replies/check-draft.ts';
import { looksLikeComplaint } from '../../src/replies/complaint.ts';
import { looksLikeStockReply } from '../../src/replies/checks/stock-reply.ts';
import { complainsAboutStockReplies } from '../../src/replies/stock-complaint.ts';
import type { CheckName, DraftContext } from '../../src/replies/types.ts';
import { guessLanguage } from '../../src/text/language.ts';
import { confusion, prfRow, PRF_HEAD, readSet } from './eval-lib.ts';

interface Item {
  id: string;
  lang: 'nl' | 'en';
  customer_context: string;
  text: string;
  blame: boolean;
  condescension: boolean;
  apology: boolean;
  thanks: boolean;
  no_concrete_action: boolean;
  sales_pitch: boolean;
  stock_reply: boolean;
}

export function evalReplies(): void {
  const items = readSet<Item>('replies.jsonl');
  const rows = items.map((r) => {
    const [said, stockPart, optPart] = r.customer_context.split('|').map((s) => s.trim());
    const stockComplaint = /: yes$/.test(stockPart ?? '');
    const optedOut = /: yes$/.test(optPart ?? '');
    const ctx: DraftContext = { language: guessLanguage(r.text) ?? r.lang, isComplaint: looksLikeComplaint(said ?? ''), salesOptOut: optedOut };
    const fired = new Set<CheckName>(checkDraft(r.text, ctx).map((f) => f.check));
    const asComplaint = new Set(checkDraft(r.text, { ...ctx, isComplaint: true }).map((f) => f.check));
    const allOptedOut = new Set(checkDraft(r.text, { ...ctx, salesOptOut: true }).map((f) => f.check));
    const lang = guessLanguage(said ?? '') ?? r.lang;
    const readComplaint = complainsAboutStockReplies(said ?? '', lang);
    const stockByFlag = checkDraft(r.text, { ...ctx, askedForPersonalReply: stockComplaint }).some((f) => f.check === 'stock_reply');
    const stockByReading = checkDraft(r.text, { ...ctx, askedForPersonalReply: readComplaint }).some((f) => f.check === 'stock_reply');
    const template = looksLikeStockReply(r.text, ctx.language);
    return { r, ctx, stockComplaint, optedOut, fired, asComplaint, allOptedOut, readComplaint, stockByFlag, stockByReading, template };
  });
  console.log(`## 2. Replies (${items.length}: ${items.filter((r) => r.lang === 'nl').length} nl, ${items.filter((r) => r.lang === 'en').length} en) — checkDraft, context as checkReply builds it\n`);
  console.log(PRF_HEAD);
  console.log(prfRow('blame ← blame', confusion(rows.map((x) => [x.r.blame, x.fired.has('blame')]))));
  console.log(prfRow('condescension ← condescension', confusion(rows.map((x) => [x.r.condescension, x.fired.has('condescension')]))));
  console.log(prfRow('apology ← apology silent', confusion(rows.map((x) => [x.r.apology, !x.asComplaint.has('apology')])), 'isComplaint forced true'));
  console.log(prfRow('thanks ← thanks silent', confusion(rows.map((x) => [x.r.thanks, !x.fired.has('thanks')]))));
  console.log(prfRow('no_concrete_action ← action', confusion(rows.map((x) => [x.r.no_concrete_action, x.fired.has('action')]))));
  console.log(prfRow('no_concrete_action ← action + next_contact', confusion(rows.map((x) => [x.r.no_concrete_action, x.fired.has('action') && x.fired.has('next_contact')])), 'both fire'));
  const opted = rows.filter((x) => x.optedOut);
  console.log(prfRow('sales_pitch ← sales_pitch (as shipped)', confusion(rows.map((x) => [x.r.sales_pitch && x.optedOut, x.fired.has('sales_pitch')])), `gold = pitches to the ${opted.length} opted-out customers`));
  console.log(prfRow('sales_pitch ← sales_pitch (all opted out)', confusion(rows.map((x) => [x.r.sales_pitch, x.allOptedOut.has('sales_pitch')])), 'detector on every reply'));
  console.log(prfRow('stock_reply ← mantra', confusion(rows.map((x) => [x.r.stock_reply, false])), 'cannot fire without sent-reply history'));
  console.log(prfRow('stock reply to a stock-reply complainer ← stock_reply', confusion(rows.map((x) => [x.r.stock_reply && x.stockComplaint, x.stockByFlag])), 'complaint flag from the context line'));
  console.log(prfRow('stock reply to a stock-reply complainer ← stock_reply, complaint read', confusion(rows.map((x) => [x.r.stock_reply && x.stockComplaint, x.stockByReading])), 'complaint read from what the customer wrote'));
  console.log(prfRow('customer complained about stock replies ← complainsAboutStockReplies', confusion(rows.map((x) => [x.stockComplaint, x.readComplaint])), 'on the context line\'s summary'));
  console.log(prfRow('stock_reply ← looksLikeStockReply (every reply)', confusion(rows.map((x) => [x.r.stock_reply, x.template])), 'the template reading alone'));
  console.log(prfRow('stock_reply ← signature (proxy)', confusion(rows.map((x) => [x.r.stock_reply, x.fired.has('signature')])), 'no named person; the set\'s replies carry no sign-off'));

  const stockToStock = rows.filter((x) => x.stockComplaint && x.r.stock_reply);
  const count = (name: CheckName) => stockToStock.filter((x) => x.fired.has(name)).length;
  console.log(`\nStock reply to a customer who complained about stock replies: ${stockToStock.length} items ` +
    `(${rows.filter((x) => x.stockComplaint).length} such customers); stock_reply fires on ${stockToStock.filter((x) => x.stockByFlag).length} (complaint flag) / ${stockToStock.filter((x) => x.stockByReading).length} (complaint read).`);
  console.log(`  asked to apologise (apology fires, isComplaint from the context line): ${count('apology')}/${stockToStock.length} ` +
    `(${stockToStock.filter((x) => !x.r.apology).length} of them have no apology); ` +
    `mantra 0; any finding at all: ${stockToStock.filter((x) => x.fired.size > 0).length}; ` +
    `per check: ${(['action', 'next_contact', 'signature', 'thanks', 'blame'] as CheckName[]).map((c) => `${c} ${count(c)}`).join(', ')}`);
  const pitchOpted = opted.filter((x) => x.r.sales_pitch);
  console.log(`Pitches to opted-out customers blocked: ${pitchOpted.filter((x) => x.fired.has('sales_pitch')).length}/${pitchOpted.length} ` +
    `(${pitchOpted.filter((x) => !x.fired.has('sales_pitch')).map((x) => x.r.id).join(', ') || 'none'} passed); ` +
    `false blocks on opted-out non-pitches: ${opted.filter((x) => !x.r.sales_pitch && x.fired.has('sales_pitch')).length}/${opted.length - pitchOpted.length}\n`);
}
