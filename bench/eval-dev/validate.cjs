#!/usr/bin/env node
// Validates the dev14 development set: fields, types, enumerations, ids, cross-checks; prints counts.
// Usage: node validate.cjs            (exit code 1 if any error)
'use strict';
const fs = require('fs');
const path = require('path');
const DIR = __dirname;

let errors = 0;
const warnings = [];
function err(file, id, msg) { errors++; console.error(`ERROR ${file} ${id ?? ''}: ${msg}`); }
function warn(msg) { warnings.push(msg); }

function readJsonl(name) {
  const p = path.join(DIR, name);
  if (!fs.existsSync(p)) { err(name, null, 'file missing'); return []; }
  const rows = [];
  fs.readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try { rows.push(JSON.parse(line)); } catch (e) { err(name, `line ${i + 1}`, 'invalid JSON: ' + e.message); }
  });
  return rows;
}

const isStr = v => typeof v === 'string' && v.length > 0;
const isBool = v => typeof v === 'boolean';
const isInt = v => Number.isInteger(v);
const allIds = new Map();

function checkKeys(file, row, keys) {
  const have = Object.keys(row).sort().join(',');
  const want = [...keys].sort().join(',');
  if (have !== want) err(file, row.id, `fields [${have}] != expected [${want}]`);
  if (!isStr(row.id)) err(file, row.id, 'id missing');
  else if (allIds.has(row.id)) err(file, row.id, `duplicate id (also in ${allIds.get(row.id)})`);
  else allIds.set(row.id, file);
}
function count(rows, f) { return rows.filter(f).length; }
function tally(values) { const t = {}; for (const v of values) t[v] = (t[v] || 0) + 1; return t; }
function minimum(label, n, min) { if (n < min) warn(`${label}: ${n} < required ${min}`); }

const out = {};

// ---------- stories ----------
{
  const F = 'stories.jsonl';
  const rows = readJsonl(F);
  const keys = ['story', 'id', 'from_name', 'from_email', 'subject', 'text', 'minute_offset', 'charged_amount_cents', 'other_amounts_cents'];
  const emails = new Set();
  const byStory = {};
  for (const r of rows) {
    checkKeys(F, r, keys);
    if (!['a', 'b', 'c', 'd'].includes(r.story)) err(F, r.id, 'story must be a..d');
    for (const k of ['from_name', 'from_email', 'subject', 'text']) if (!isStr(r[k])) err(F, r.id, `${k} must be non-empty string`);
    if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(r.from_email || '')) err(F, r.id, 'bad email');
    if (emails.has(r.from_email)) err(F, r.id, 'from_email not distinct'); emails.add(r.from_email);
    if (!isInt(r.minute_offset) || r.minute_offset < 0 || r.minute_offset > 900) err(F, r.id, 'minute_offset must be int 0..900');
    if (!(r.charged_amount_cents === null || (isInt(r.charged_amount_cents) && r.charged_amount_cents > 0))) err(F, r.id, 'charged_amount_cents must be null or positive int');
    if (!Array.isArray(r.other_amounts_cents) || !r.other_amounts_cents.every(v => isInt(v) && v > 0)) err(F, r.id, 'other_amounts_cents must be array of positive ints');
    (byStory[r.story] = byStory[r.story] || []).push(r);
  }
  const perStory = {};
  for (const s of ['a', 'b', 'c', 'd']) {
    const list = byStory[s] || [];
    if (list.length !== 20) err(F, s, `story has ${list.length} messages, expected 20`);
    for (let i = 1; i < list.length; i++) if (list[i].minute_offset < list[i - 1].minute_offset) err(F, list[i].id, 'minute_offset not in order within story');
    const multi = count(list, r => (r.charged_amount_cents !== null ? 1 : 0) + r.other_amounts_cents.length >= 2);
    const texts = new Set(list.map(r => r.text)); if (texts.size !== list.length) err(F, s, 'duplicate text in story');
    perStory[s] = { messages: list.length, with_charged_amount: count(list, r => r.charged_amount_cents !== null), two_or_more_amounts: multi };
    if (s !== 'd') minimum(`story ${s} messages with >=2 amounts`, multi, 8);
  }
  out[F] = { total: rows.length, per_story: perStory };
}

// ---------- background ----------
{
  const F = 'background.jsonl';
  const rows = readJsonl(F);
  const keys = ['id', 'from_name', 'from_email', 'subject', 'text', 'minute_offset', 'topic_hint'];
  const bySender = {};
  const texts = new Set();
  for (const r of rows) {
    checkKeys(F, r, keys);
    for (const k of ['from_name', 'from_email', 'subject', 'text', 'topic_hint']) if (!isStr(r[k])) err(F, r.id, `${k} must be non-empty string`);
    if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(r.from_email || '')) err(F, r.id, 'bad email');
    if (!isInt(r.minute_offset) || r.minute_offset < -20160 || r.minute_offset > 900) err(F, r.id, 'minute_offset must be int -20160..900');
    if (texts.has(r.text)) err(F, r.id, 'duplicate text'); texts.add(r.text);
    (bySender[r.from_email] = bySender[r.from_email] || []).push(r);
  }
  const topicGroups = tally(rows.map(r => r.topic_hint.split('/')[0]));
  out[F] = {
    total: rows.length,
    distinct_senders: Object.keys(bySender).length,
    senders_writing_twice_or_more: Object.values(bySender).filter(l => l.length > 1).length,
    on_incident_day_0_900: count(rows, r => r.minute_offset >= 0),
    topic_groups: topicGroups,
  };
  minimum('background total', rows.length, 400);
}

// ---------- messages ----------
{
  const F = 'messages.jsonl';
  const rows = readJsonl(F);
  const keys = ['id', 'lang', 'text', 'intents', 'sentiment', 'anger', 'sarcasm', 'vulnerable', 'vulnerable_sentence'];
  const INTENTS = ['complaint', 'question', 'cancellation', 'refund_request', 'opt_out'];
  const VULN = ['health', 'disability', 'age', 'bereavement', 'money_trouble', 'panic'];
  for (const r of rows) {
    checkKeys(F, r, keys);
    if (!['nl', 'en'].includes(r.lang)) err(F, r.id, 'lang must be nl/en');
    if (!isStr(r.text)) err(F, r.id, 'text');
    if (!Array.isArray(r.intents) || !r.intents.every(i => INTENTS.includes(i)) || new Set(r.intents).size !== r.intents.length) err(F, r.id, 'intents invalid');
    if (!['negative', 'neutral', 'positive'].includes(r.sentiment)) err(F, r.id, 'sentiment invalid');
    if (!isBool(r.anger) || !isBool(r.sarcasm)) err(F, r.id, 'anger/sarcasm must be boolean');
    if (r.vulnerable === null) { if (r.vulnerable_sentence !== null) err(F, r.id, 'vulnerable_sentence must be null when vulnerable is null'); }
    else {
      if (!VULN.includes(r.vulnerable)) err(F, r.id, 'vulnerable invalid');
      if (!isStr(r.vulnerable_sentence) || !r.text.includes(r.vulnerable_sentence)) err(F, r.id, 'vulnerable_sentence must be a substring of text');
    }
  }
  const refund = rows.filter(r => r.intents.includes('refund_request'));
  const stats = {
    total: rows.length,
    lang: tally(rows.map(r => r.lang)),
    intents: tally(rows.flatMap(r => r.intents)),
    no_intent: count(rows, r => r.intents.length === 0),
    sentiment: tally(rows.map(r => r.sentiment)),
    anger: count(rows, r => r.anger),
    sarcasm: count(rows, r => r.sarcasm),
    vulnerable: count(rows, r => r.vulnerable !== null),
    vulnerable_by_type: tally(rows.filter(r => r.vulnerable).map(r => r.vulnerable)),
    factual_complaints: count(rows, r => r.intents.includes('complaint') && !r.anger && !r.sarcasm && r.sentiment === 'neutral'),
    refund_requests_using_word_refund_or_terugbetaling: count(refund, r => /refund|terugbetal/i.test(r.text)),
  };
  out[F] = stats;
  minimum('messages total', rows.length, 200);
  minimum('vulnerable', stats.vulnerable, 40);
  for (const v of VULN) minimum(`vulnerable ${v}`, stats.vulnerable_by_type[v] || 0, 5);
  minimum('sarcasm', stats.sarcasm, 25);
  minimum('anger', stats.anger, 30);
  minimum('factual complaints', stats.factual_complaints, 30);
  minimum('opt_out', stats.intents.opt_out || 0, 25);
  minimum('refund_request', stats.intents.refund_request || 0, 30);
  if (stats.refund_requests_using_word_refund_or_terugbetaling * 2 > refund.length) warn('most refund requests use the word refund/terugbetaling');
}

// ---------- replies ----------
{
  const F = 'replies.jsonl';
  const rows = readJsonl(F);
  const FLAGS = ['blame', 'condescension', 'apology', 'thanks', 'no_concrete_action', 'sales_pitch'];
  const keys = ['id', 'lang', 'customer_context', 'text', ...FLAGS];
  for (const r of rows) {
    checkKeys(F, r, keys);
    if (!['nl', 'en'].includes(r.lang)) err(F, r.id, 'lang must be nl/en');
    if (!isStr(r.text) || !isStr(r.customer_context)) err(F, r.id, 'text/customer_context');
    for (const k of FLAGS) if (!isBool(r[k])) err(F, r.id, `${k} must be boolean`);
  }
  const stats = { total: rows.length, lang: tally(rows.map(r => r.lang)), no_flags: count(rows, r => FLAGS.every(k => !r[k])) };
  for (const k of FLAGS) stats[k] = count(rows, r => r[k]);
  out[F] = stats;
  for (const k of ['blame', 'condescension', 'apology']) minimum(`replies ${k}`, stats[k], 30);
}

// ---------- promises ----------
{
  const F = 'promises.jsonl';
  const rows = readJsonl(F);
  const KINDS = ['callback', 'answer_by', 'refund_by', 'next_update_by', 'appointment_window'];
  for (const r of rows) {
    checkKeys(F, r, ['id', 'lang', 'text', 'promise']);
    if (!['nl', 'en'].includes(r.lang)) err(F, r.id, 'lang must be nl/en');
    if (!isStr(r.text)) err(F, r.id, 'text');
    if (r.promise !== null) {
      if (typeof r.promise !== 'object' || Object.keys(r.promise).sort().join(',') !== 'kind,when') err(F, r.id, 'promise must be null or {kind, when}');
      else {
        if (!KINDS.includes(r.promise.kind)) err(F, r.id, 'promise.kind invalid');
        if (!isStr(r.promise.when) || !r.text.includes(r.promise.when)) err(F, r.id, 'promise.when must be a verbatim substring of text');
      }
    }
  }
  const stats = {
    total: rows.length, lang: tally(rows.map(r => r.lang)),
    non_promises: count(rows, r => r.promise === null),
    kinds: tally(rows.filter(r => r.promise).map(r => r.promise.kind)),
  };
  out[F] = stats;
  minimum('non-promises', stats.non_promises, 35);
}

// ---------- annotations.json (optional sidecar) ----------
{
  const p = path.join(DIR, 'annotations.json');
  if (fs.existsSync(p)) {
    const ann = JSON.parse(fs.readFileSync(p, 'utf8'));
    const summary = {};
    const walk = (obj, prefix) => {
      for (const [k, v] of Object.entries(obj)) {
        const key = prefix ? `${prefix}.${k}` : k;
        if (Array.isArray(v)) {
          for (const id of v) if (!allIds.has(id)) err('annotations.json', id, `unknown id in ${key}`);
          summary[key] = v.length;
        } else if (v && typeof v === 'object' && !Object.values(v).every(x => typeof x === 'string')) walk(v, key);
        else if (v && typeof v === 'object') {
          for (const id of Object.keys(v)) if (!allIds.has(id)) err('annotations.json', id, `unknown id in ${key}`);
          summary[key] = tally(Object.values(v));
        }
      }
    };
    walk(ann, '');
    out['annotations.json'] = summary;
  }
}

console.log(JSON.stringify(out, null, 2));
if (warnings.length) { console.log('\nWARNINGS:'); for (const w of warnings) console.log('  - ' + w); }
console.log(errors ? `\n${errors} error(s)` : '\nOK: no errors');
process.exit(errors ? 1 : 0);
