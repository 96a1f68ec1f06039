#!/usr/bin/env node
// Validates the blind evaluation set: parses every line, checks fields and types, unique ids,
// exact-substring constraints, and prints counts per label. Exit code 1 on any error.
'use strict';
const fs = require('fs');
const path = require('path');
const DIR = __dirname;
let errors = 0;
const err = (f, n, msg) => { errors++; console.error(`ERROR ${f}:${n}: ${msg}`); };
const allIds = new Set();

function read(file) {
  const raw = fs.readFileSync(path.join(DIR, file), 'utf8');
  const lines = raw.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const rows = [];
  lines.forEach((line, i) => {
    try { rows.push([i + 1, JSON.parse(line)]); } catch (e) { err(file, i + 1, `invalid JSON: ${e.message}`); }
  });
  return rows;
}
const isStr = (v) => typeof v === 'string' && v.length > 0;
const isInt = (v) => Number.isInteger(v);
function checkKeys(file, n, o, spec) {
  const want = Object.keys(spec);
  const have = Object.keys(o);
  for (const k of want) if (!(k in o)) err(file, n, `missing field ${k}`);
  for (const k of have) if (!want.includes(k)) err(file, n, `unexpected field ${k}`);
  for (const [k, check] of Object.entries(spec)) if (k in o && !check(o[k])) err(file, n, `bad value for ${k}: ${JSON.stringify(o[k])}`);
}
function checkId(file, n, id, re) {
  if (!re.test(id)) err(file, n, `bad id format ${id}`);
  if (allIds.has(id)) err(file, n, `duplicate id ${id}`);
  allIds.add(id);
}
const count = (obj, k) => { obj[k] = (obj[k] || 0) + 1; };
const show = (title, obj) => console.log(`  ${title}: ` + Object.entries(obj).sort().map(([k, v]) => `${k}=${v}`).join(', '));

// 1. story-overcharge
{
  const f = 'story-overcharge.jsonl';
  const rows = read(f);
  for (const [n, o] of rows) {
    checkKeys(f, n, o, {
      id: isStr, from_name: isStr, from_email: (v) => isStr(v) && /^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(v), subject: isStr, text: isStr,
      minute_offset: isInt, charged_amount_cents: (v) => isInt(v) && v > 0,
      other_amounts_cents: (v) => Array.isArray(v) && v.every((x) => isInt(x) && x > 0),
    });
    checkId(f, n, o.id, /^s2-\d{2}$/);
  }
  console.log(`${f}: ${rows.length} lines`);
}
// 2. story-background
{
  const f = 'story-background.jsonl';
  const rows = read(f);
  const domains = {};
  for (const [n, o] of rows) {
    checkKeys(f, n, o, {
      id: isStr, from_name: isStr, from_email: (v) => isStr(v) && /^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(v), subject: isStr, text: isStr,
      minute_offset: isInt, topic_hint: (v) => isStr(v) && /^[a-z_]+:[a-z_]+$/.test(v),
    });
    checkId(f, n, o.id, /^b2-\d{3}$/);
    count(domains, String(o.topic_hint).split(':')[0]);
  }
  console.log(`${f}: ${rows.length} lines`);
  show('topic domains', domains);
  console.log(`  before incident (offset<0): ${rows.filter(([, o]) => o.minute_offset < 0).length}, on incident day (>=0): ${rows.filter(([, o]) => o.minute_offset >= 0).length}`);
}
// 3. replies
{
  const f = 'replies.jsonl';
  const rows = read(f);
  const labels = ['blame', 'condescension', 'apology', 'thanks', 'no_concrete_action', 'sales_pitch', 'stock_reply'];
  const c = {}; const lang = {}; const extra = {};
  const spec = {
    id: isStr, lang: (v) => v === 'nl' || v === 'en',
    customer_context: (v) => isStr(v) && / \| complained about stock replies: (yes|no) \| opted out of marketing: (yes|no)$/.test(v),
    text: isStr,
  };
  for (const l of labels) spec[l] = (v) => typeof v === 'boolean';
  for (const [n, o] of rows) {
    checkKeys(f, n, o, spec);
    checkId(f, n, o.id, /^r2-\d{3}$/);
    count(lang, o.lang);
    for (const l of labels) if (o[l] === true) count(c, l);
    const optout = /opted out of marketing: yes$/.test(o.customer_context);
    const stockc = /complained about stock replies: yes/.test(o.customer_context);
    if (o.sales_pitch && optout) count(extra, 'sales_pitch_to_opted_out');
    if (o.stock_reply && stockc) count(extra, 'stock_reply_to_stock_complainer');
    if (!labels.some((l) => o[l])) count(extra, 'no_label_at_all');
  }
  console.log(`${f}: ${rows.length} lines`);
  show('lang', lang); show('positives', c); show('other', extra);
}
// 4. messages
{
  const f = 'messages.jsonl';
  const rows = read(f);
  const INTENTS = ['complaint', 'question', 'cancellation', 'refund_request', 'opt_out'];
  const VULN = ['health', 'disability', 'age', 'bereavement', 'money_trouble', 'panic'];
  const lang = {}; const intents = {}; const sent = {}; const vuln = {}; const other = {};
  for (const [n, o] of rows) {
    checkKeys(f, n, o, {
      id: isStr, lang: (v) => v === 'nl' || v === 'en', text: isStr,
      intents: (v) => Array.isArray(v) && v.every((x) => INTENTS.includes(x)) && new Set(v).size === v.length,
      sentiment: (v) => ['negative', 'neutral', 'positive'].includes(v),
      anger: (v) => typeof v === 'boolean', sarcasm: (v) => typeof v === 'boolean',
      vulnerable: (v) => v === null || VULN.includes(v),
      vulnerable_sentence: (v) => v === null || isStr(v),
    });
    checkId(f, n, o.id, /^m2-\d{3}$/);
    if ((o.vulnerable === null) !== (o.vulnerable_sentence === null)) err(f, n, 'vulnerable and vulnerable_sentence must both be null or both set');
    if (isStr(o.vulnerable_sentence)) {
      const k = o.text.split(o.vulnerable_sentence).length - 1;
      if (k !== 1) err(f, n, `vulnerable_sentence occurs ${k} times in text`);
    }
    count(lang, o.lang); count(sent, o.sentiment); count(vuln, String(o.vulnerable));
    for (const i of o.intents || []) count(intents, i);
    if (!(o.intents || []).length) count(intents, '(none)');
    if (o.anger) count(other, 'anger');
    if (o.sarcasm) count(other, 'sarcasm');
    if ((o.intents || []).includes('complaint') && o.sentiment === 'negative' && !o.anger && !o.sarcasm && o.vulnerable === null) count(other, 'flat_complaints');
  }
  console.log(`${f}: ${rows.length} lines`);
  show('lang', lang); show('intents', intents); show('sentiment', sent); show('vulnerable', vuln); show('other', other);
}
// 5. promises
{
  const f = 'promises.jsonl';
  const rows = read(f);
  const KINDS = ['callback', 'refund_by', 'update_by', 'fix_by', 'delivery_by', 'appointment_window', 'reply_by', 'other'];
  const lang = {}; const kinds = {};
  for (const [n, o] of rows) {
    checkKeys(f, n, o, {
      id: isStr, lang: (v) => v === 'nl' || v === 'en', text: isStr,
      promise: (v) => v === null || (typeof v === 'object' && KINDS.includes(v.kind) && isStr(v.when) && Object.keys(v).length === 2),
    });
    checkId(f, n, o.id, /^p2-\d{3}$/);
    if (o.promise && isStr(o.promise.when) && !o.text.includes(o.promise.when)) err(f, n, `when "${o.promise.when}" not in text`);
    count(lang, o.lang); count(kinds, o.promise ? o.promise.kind : '(none)');
  }
  console.log(`${f}: ${rows.length} lines`);
  show('lang', lang); show('kind', kinds);
}
if (errors) { console.error(`${errors} error(s)`); process.exit(1); }
console.log('OK: all files valid');
