import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCaseNumber, subjectFromBody, subjectKey } from './subject.ts';
import { chooseCaseForMessage, type CaseCandidate } from './repeat-contact.ts';
import { statusAfterCustomerContact, statusChangeProblem } from './status.ts';

test('subject keys ignore Dutch and English reply prefixes and case references', () => {
  const k = subjectKey('Te veel betaald voor parkeren');
  assert.equal(subjectKey('RE: Te veel betaald voor parkeren'), k);
  assert.equal(subjectKey('Antw: Re: [LU-1042] te veel  betaald voor parkeren!'), k);
  assert.equal(subjectKey('Doorst: FW: Te veel betaald voor parkeren'), k);
  assert.notEqual(subjectKey('Parkeren werkt niet'), k);
});

test('case numbers are found in subjects and bodies', () => {
  assert.equal(findCaseNumber('Re: [LU-1042] Te veel betaald'), 1042);
  assert.equal(findCaseNumber('mijn zaaknummer is lu-77'), 77);
  assert.equal(findCaseNumber('BLU-12 is geen referentie'), null);
  assert.equal(findCaseNumber(undefined), null);
});

test('a subject is made from the first line of a body', () => {
  assert.equal(subjectFromBody('\n  Mijn factuur klopt niet\nGroet'), 'Mijn factuur klopt niet');
  assert.ok(subjectFromBody('woord '.repeat(50)).endsWith('…'));
});

const now = new Date('2026-11-20T12:00:00Z');
const cand = (o: Partial<CaseCandidate>): CaseCandidate => ({
  id: 'c1', status: 'open', subject_key: 'te veel betaald', customer_id: 'k1', last_contact_at: new Date('2026-11-19T12:00:00Z'), ...o,
});

test('a repeat contact joins the open case on the same subject within 14 days', () => {
  const base = { customerId: 'k1', subjectKey: 'te veel betaald', referenced: null, now };
  assert.equal(chooseCaseForMessage({ ...base, openCases: [cand({})] })?.id, 'c1');
  assert.equal(chooseCaseForMessage({ ...base, openCases: [cand({ last_contact_at: new Date('2026-11-01T00:00:00Z') })] }), null);
  assert.equal(chooseCaseForMessage({ ...base, openCases: [cand({ status: 'solved' })] }), null);
  assert.equal(chooseCaseForMessage({ ...base, openCases: [cand({ customer_id: 'k2' })] }), null);
  assert.equal(chooseCaseForMessage({ ...base, subjectKey: 'iets anders', openCases: [cand({})] }), null);
});

test('a case reference wins, reopens a solved case, but never a closed one or another customer\'s', () => {
  const base = { customerId: 'k1', subjectKey: 'nieuw onderwerp', openCases: [], now };
  assert.equal(chooseCaseForMessage({ ...base, referenced: cand({ status: 'solved' }) })?.id, 'c1');
  assert.equal(chooseCaseForMessage({ ...base, referenced: cand({ status: 'closed' }) }), null);
  assert.equal(chooseCaseForMessage({ ...base, referenced: cand({ customer_id: 'k2' }) }), null);
});

test('status changes keep one owner once triaged', () => {
  assert.match(statusChangeProblem('new', 'open', false)!, /owner/);
  assert.equal(statusChangeProblem('new', 'open', true), null);
  assert.ok(statusChangeProblem('closed', 'open', true));
  assert.ok(statusChangeProblem('open', 'new', true));
  assert.equal(statusAfterCustomerContact('pending_customer'), 'open');
  assert.equal(statusAfterCustomerContact('new'), 'new');
});
