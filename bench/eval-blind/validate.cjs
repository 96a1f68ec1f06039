// Validates the JSONL files line by line and prints counts per label.
const fs = require('fs');
const path = require('path');
const which = process.argv[2] || 'all';
let errors = 0;
const err = (m) => { errors++; console.error('ERROR ' + m); };
function read(name) {
  const p = path.join(__dirname, name);
  if (!fs.existsSync(p)) { err('missing ' + name); return []; }
  const lines = fs.readFileSync(p, 'utf8').split('\n').filter((l) => l.length);
  const rows = [];
  lines.forEach((l, i) => { try { rows.push(JSON.parse(l)); } catch (e) { err(`${name}:${i + 1} ${e.message}`); } });
  const ids = new Set();
  rows.forEach((r) => { if (ids.has(r.id)) err(`${name} duplicate id ${r.id}`); ids.add(r.id); });
  const texts = new Set();
  rows.forEach((r) => { const t = (r.text || '').trim().toLowerCase(); if (texts.has(t)) err(`${name} duplicate text ${r.id}`); texts.add(t); });
  return rows;
}
const count = (rows, f) => rows.filter(f).length;
const tally = (rows, f) => { const m = {}; rows.forEach((r) => { const k = f(r); m[k] = (m[k] || 0) + 1; }); return m; };
const keysExact = (name, r, keys) => { const k = Object.keys(r).sort().join(','); if (k !== [...keys].sort().join(',')) err(`${name} ${r.id} keys ${k}`); };

if (which === 'all' || which === 'messages') {
  const rows = read('messages.jsonl');
  const INT = ['complaint', 'question', 'cancellation', 'refund_request', 'opt_out'];
  const VK = ['health', 'disability', 'age', 'bereavement', 'money_trouble', 'panic'];
  rows.forEach((r) => {
    keysExact('messages', r, ['id', 'lang', 'text', 'intents', 'sentiment', 'anger', 'sarcasm', 'vulnerable', 'vulnerable_sentence']);
    if (!['nl', 'en'].includes(r.lang)) err('lang ' + r.id);
    if (!Array.isArray(r.intents) || r.intents.some((i) => !INT.includes(i))) err('intents ' + r.id);
    if (!['negative', 'neutral', 'positive'].includes(r.sentiment)) err('sentiment ' + r.id);
    if (typeof r.anger !== 'boolean' || typeof r.sarcasm !== 'boolean') err('bool ' + r.id);
    if (r.vulnerable !== null && !VK.includes(r.vulnerable)) err('vuln ' + r.id);
    if ((r.vulnerable === null) !== (r.vulnerable_sentence === null)) err('vuln sentence ' + r.id);
    if (r.vulnerable && !r.text.includes(r.vulnerable_sentence)) err('vuln sentence not in text ' + r.id);
  });
  console.log('\n== messages.jsonl:', rows.length);
  console.log('lang', tally(rows, (r) => r.lang));
  console.log('intents', Object.fromEntries(INT.map((i) => [i, count(rows, (r) => r.intents.includes(i))])), 'none:', count(rows, (r) => !r.intents.length));
  console.log('sentiment', tally(rows, (r) => r.sentiment));
  console.log('anger', count(rows, (r) => r.anger), 'sarcasm', count(rows, (r) => r.sarcasm));
  console.log('vulnerable', tally(rows.filter((r) => r.vulnerable), (r) => r.vulnerable), 'total', count(rows, (r) => r.vulnerable));
  console.log('neutral+positive', count(rows, (r) => r.sentiment !== 'negative'));
}

if (which === 'all' || which === 'replies') {
  const rows = read('replies.jsonl');
  const L = ['blame', 'condescension', 'apology', 'thanks', 'no_concrete_action', 'sales_pitch', 'stock_reply'];
  rows.forEach((r) => {
    keysExact('replies', r, ['id', 'lang', 'customer_context', 'text', ...L]);
    L.forEach((l) => { if (typeof r[l] !== 'boolean') err(`replies ${r.id} ${l}`); });
    if (!r.customer_context) err('ctx ' + r.id);
  });
  console.log('\n== replies.jsonl:', rows.length);
  console.log('lang', tally(rows, (r) => r.lang));
  console.log(Object.fromEntries(L.map((l) => [l, count(rows, (r) => r[l])])));
  console.log('no faults (no blame/condescension/no_concrete_action/sales_pitch/stock_reply):', count(rows, (r) => !r.blame && !r.condescension && !r.no_concrete_action && !r.sales_pitch && !r.stock_reply));
}

if (which === 'all' || which === 'promises') {
  const rows = read('promises.jsonl');
  const K = ['callback', 'answer_by', 'refund_by', 'next_update_by', 'appointment_window'];
  rows.forEach((r) => {
    keysExact('promises', r, ['id', 'lang', 'text', 'promise']);
    if (r.promise !== null) {
      if (!K.includes(r.promise.kind)) err('kind ' + r.id);
      if (!r.promise.when || !r.text.includes(r.promise.when)) err('when ' + r.id);
    }
  });
  console.log('\n== promises.jsonl:', rows.length);
  console.log('lang', tally(rows, (r) => r.lang));
  console.log('kind', tally(rows, (r) => (r.promise ? r.promise.kind : 'null')));
}

if (which === 'all' || which === 'story') {
  const ov = read('story-overcharge.jsonl');
  ov.forEach((r, i) => {
    keysExact('overcharge', r, ['id', 'from_name', 'from_email', 'subject', 'text', 'minute_offset', 'charged_amount_cents', 'other_amounts_cents']);
    if (!(r.minute_offset >= 0 && r.minute_offset <= 720)) err('offset ' + r.id);
    if (i && r.minute_offset < ov[i - 1].minute_offset) err('order ' + r.id);
    if (!(r.charged_amount_cents === null || Number.isInteger(r.charged_amount_cents))) err('charged ' + r.id);
    if (!Array.isArray(r.other_amounts_cents) || r.other_amounts_cents.some((x) => !Number.isInteger(x))) err('others ' + r.id);
  });
  const names = new Set(ov.map((r) => r.from_name)), mails = new Set(ov.map((r) => r.from_email));
  console.log('\n== story-overcharge.jsonl:', ov.length, 'distinct names', names.size, 'distinct emails', mails.size,
    'domains', new Set(ov.map((r) => r.from_email.split('@')[1])).size);
  console.log('with >=2 amounts', count(ov, (r) => (r.charged_amount_cents !== null ? 1 : 0) + r.other_amounts_cents.length >= 2),
    'charged null', count(ov, (r) => r.charged_amount_cents === null));
  const bg = read('story-background.jsonl');
  bg.forEach((r) => {
    keysExact('background', r, ['id', 'from_name', 'from_email', 'subject', 'text', 'minute_offset', 'topic_hint']);
    if (!(Number.isInteger(r.minute_offset) && r.minute_offset >= -20160 && r.minute_offset <= 720)) err('bg offset ' + r.id);
  });
  const ovIds = new Set(ov.map((r) => r.id));
  bg.forEach((r) => { if (ovIds.has(r.id)) err('id clash ' + r.id); });
  console.log('\n== story-background.jsonl:', bg.length);
  console.log('topic groups', tally(bg, (r) => r.topic_hint.split(':')[0]), 'distinct topic_hints', new Set(bg.map((r) => r.topic_hint)).size);
  console.log('distinct names', new Set(bg.map((r) => r.from_name)).size, 'distinct emails', new Set(bg.map((r) => r.from_email)).size, 'on story day (0..720)', count(bg, (r) => r.minute_offset >= 0));
  console.log('parking-related', count(bg, (r) => /^parking/.test(r.topic_hint)), 'offset range', Math.min(...bg.map((r) => r.minute_offset)), Math.max(...bg.map((r) => r.minute_offset)));
}
console.log(errors ? `\n${errors} ERRORS` : '\nOK');
process.exit(errors ? 1 : 0);
