// Promises by class (issue 14): passive and impersonal subjects, the customer receiving, a role or third party
// acting, a result at a future time, labelled lines, Flemish and informal Dutch, English; and the classes that are
// no promise. Written for these tests across sectors; not taken from any evaluation set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPromises, type PromiseKind } from './find-promises.ts';

const ZONE = 'Europe/Amsterdam';
const localDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const isBusinessDay = (d: Date) => ![0, 6].includes(new Date(`${localDate(d)}T12:00:00Z`).getUTCDay());
function addBusinessDays(start: Date, days: number): Date {
  let d = new Date(`${localDate(start)}T12:00:00Z`);
  for (let left = days; left > 0;) {
    d = new Date(d.getTime() + 86_400_000);
    if (isBusinessDay(d)) left--;
  }
  return d;
}
// Tuesday 24 November 2026, 10:00 in Amsterdam
const options = (language?: 'nl' | 'en') => ({ now: new Date('2026-11-24T10:00:00+01:00'), timeZone: ZONE, addBusinessDays, isBusinessDay, language });

type Row = [reply: string, kind: PromiseKind, due: string, windowStart?: string];
const PROMISES: Row[] = [
  // passive and impersonal (energy, insurer, telecom, bank)
  ['Het openstaande bedrag wordt uiterlijk vrijdag naar uw rekening teruggestort.', 'refund_by', '2026-11-27T17:00+01:00'],
  ['Uw nieuwe zorgpas wordt binnen twee werkdagen verstuurd.', 'custom', '2026-11-26T17:00+01:00'],
  ['Er komt morgen tussen 13:00 en 17:00 een installateur langs voor de warmtepomp.', 'appointment_window', '2026-11-25T17:00+01:00', '2026-11-25T13:00+01:00'],
  ['Morgen volgt een nieuwe update over de storing in uw straat.', 'next_update_by', '2026-11-25T17:00+01:00'],
  ['Er wordt donderdagochtend contact met u opgenomen door de afdeling Debiteuren.', 'answer_by', '2026-11-26T12:00+01:00'],
  // the customer receives; a result at a future time
  ['Je krijgt je borg binnen 14 dagen terug.', 'refund_by', '2026-12-08T17:00+01:00'],
  ['De vergoeding staat na het weekend op uw rekening.', 'refund_by', '2026-11-30T17:00+01:00'],
  ['Binnen een uur is uw mobiele internet weer hersteld.', 'custom', '2026-11-24T11:00+01:00'],
  ['Uw nieuwe afspraak is verzet naar maandag 30 november om 10:30.', 'appointment_window', '2026-11-30T11:30+01:00', '2026-11-30T10:30+01:00'],
  // Flemish and informal Dutch
  ['De technieker komt donderdagvoormiddag tussen 8u en 12u.', 'appointment_window', '2026-11-26T12:00+01:00', '2026-11-26T08:00+01:00'],
  ['U krijgt ten laatste vrijdag een antwoord van onze dienst.', 'answer_by', '2026-11-27T17:00+01:00'],
  ['Wij contacteren u binnen de 24u.', 'answer_by', '2026-11-25T10:00+01:00'],
  ['Het geld wordt tegen woensdag teruggestort.', 'refund_by', '2026-11-25T17:00+01:00'],
  ['Onze medewerker belt u deze namiddag terug.', 'callback', '2026-11-24T17:00+01:00'],
  ['Ik mail je morgen vóór 12:00 de uitslag.', 'answer_by', '2026-11-25T12:00+01:00'],
  ['Morgenochtend om half negen staat de bezorger bij je voor de deur.', 'appointment_window', '2026-11-25T09:30+01:00', '2026-11-25T08:30+01:00'],
  // English
  ['Your refund will be back on your card by Thursday.', 'refund_by', '2026-11-26T17:00+01:00'],
  ['The engineer will be with you on Friday morning.', 'appointment_window', '2026-11-27T12:00+01:00', '2026-11-27T08:00+01:00'],
  ['You can expect a written decision within 10 working days.', 'answer_by', '2026-12-08T17:00+01:00'],
  ["I'll ring you back after the weekend.", 'callback', '2026-11-30T17:00+01:00'],
  ['A courier will collect the parcel on Thursday between 9 and 1.', 'appointment_window', '2026-11-26T13:00+01:00', '2026-11-26T09:00+01:00'],
  ['Your account will be credited in the first week of December.', 'refund_by', '2026-12-07T17:00+01:00'],
  ['We will have it fixed by close of business tomorrow.', 'custom', '2026-11-25T17:00+01:00'],
  // weeks are weeks, not hours; "'s middags" does not turn a morning window into the night
  ['Wij sturen u binnen 6 weken een besluit.', 'answer_by', '2027-01-05T17:00+01:00'],
  ['Ik heb de dakdekker morgen tussen 8 en 12 ingepland en bel u vanmiddag ter bevestiging.', 'callback', '2026-11-25T12:00+01:00', '2026-11-25T08:00+01:00'],
  ['De hovenier komt morgen \'s middags tussen 1 en 3.', 'appointment_window', '2026-11-25T15:00+01:00', '2026-11-25T13:00+01:00'],
  // a past beside a future: the future is promised
  ['Uw klacht is ontvangen en wordt binnen 5 werkdagen behandeld.', 'answer_by', '2026-12-01T17:00+01:00'],
  ['Your parcel has been found and will be delivered on Thursday between 7am and 11am.', 'appointment_window', '2026-11-26T11:00+01:00', '2026-11-26T07:00+01:00'],
  // a colleague of ours asked to act still commits us
  ['I have asked our finance team to refund the fee, which you should see on your statement by Friday.', 'refund_by', '2026-11-27T17:00+01:00'],
  // labelled lines
  ['Volgend contact: donderdag vóór 12:00', 'next_update_by', '2026-11-26T12:00+01:00'],
  ['Verwachte levering: maandag', 'appointment_window', '2026-11-30T17:00+01:00', '2026-11-30T08:00+01:00'],
  ['Terugbetaling: binnen 5 werkdagen', 'refund_by', '2026-12-01T17:00+01:00'],
  ['Expected delivery: Saturday between 8:00 and 12:00', 'appointment_window', '2026-11-28T12:00+01:00', '2026-11-28T08:00+01:00'],
  ['Refund: no later than 4 December.', 'refund_by', '2026-12-04T17:00+01:00'],
];

const NOT_A_PROMISE: string[] = [
  'Wij raden u aan de meterstand vóór vrijdag door te geven.',
  'De meeste aanvragen worden binnen vijf werkdagen behandeld.',
  'Het formulier moet uiterlijk vrijdag worden teruggestuurd.',
  'Volgens de koerier wordt uw pakket morgen bezorgd.',
  'Onze winkel sluit morgen om 17:00.',
  'Als u morgen thuis bent, komt de monteur tussen 8 en 12.',
  'Ik heb gisteren een nieuwe afspraak voor u ingepland.',
  'Uw pakket werd dinsdag om 10:00 bezorgd.',
  'Uw klacht is op 20 november geregistreerd.',
  'We kunnen niet garanderen dat de monteur morgen komt.',
  'U heeft tot vrijdag de tijd om bezwaar te maken.',
  'Uiterste betaaldatum: 4 december',
  'We hope to refund you by Friday.',
  'The courier says the parcel should arrive tomorrow.',
  'Most refunds are processed within 3 days.',
  'Please return the form by Friday.',
  'Payment due: Friday',
  'Our helpdesk closes at 6pm today.',
  // a reason, an "until", a reference day, a doorbell, a change taking effect, a general statement, a third party asked
  'Omdat het binnen een week na uw aankoop is, heb ik het verschil toch teruggestort.',
  'Tot de nieuwe app die eind januari verschijnt, ontvangt u uw facturen op papier.',
  'De ritten van vandaag zetten wij automatisch recht.',
  'Uw verlenging gaat in per 1 december.',
  'Declaraties worden binnen 30 dagen verwerkt.',
  'Claims are handled within 30 days.',
  'We hebben de vervoerder gevraagd het pakket morgen te bezorgen.',
  'Stuurt u ons het afschrift, dan maken we het bedrag binnen vijf werkdagen over.',
  'Nothing will change tomorrow.',
  'Uw bestelling van maandag is onderweg.',
];

for (const [reply, kind, due, windowStart] of PROMISES) {
  test(`class: "${reply}" → ${kind} due ${due}`, () => {
    const found = findPromises(reply, options());
    assert.equal(found.length, 1, `expected one promise, found ${JSON.stringify(found)}`);
    assert.equal(found[0].kind, kind);
    assert.equal(found[0].dueAt.toISOString(), new Date(due).toISOString());
    assert.equal(found[0].windowStart?.toISOString() ?? null, windowStart ? new Date(windowStart).toISOString() : null);
  });
}

for (const reply of NOT_A_PROMISE) {
  test(`class: "${reply}" → no promise`, () => {
    assert.deepEqual(findPromises(reply, options()), []);
  });
}

test('a doorbell is no callback, a call-out fee no call', () => {
  assert.deepEqual(findPromises('We plaatsen deze week een bel bij de winkeldeur.', options('nl')).map((p) => p.kind), ['custom']);
  assert.deepEqual(findPromises("I've booked the engineer for Thursday between 8:00 and 12:00 and waived the call-out fee.", options('en')).map((p) => p.kind), ['appointment_window']);
});

test('a sentence that promises and then takes it back is no promise', () => {
  assert.deepEqual(findPromises('De monteur komt morgen, maar dat kunnen wij niet garanderen.', options('nl')), []);
  assert.deepEqual(findPromises('Wij storten het bedrag vrijdag terug; een exacte datum kunnen we niet toezeggen.', options('nl')), []);
  assert.deepEqual(findPromises('The parts arrive on Friday, but we cannot guarantee that.', options('en')), []);
});

test('without a language, each sentence is read in the language its words look like', () => {
  const found = findPromises('Beste Anna,\n\nWe bellen u morgen om 10:00 terug. The engineer will visit on Thursday between 8 and 12.', options());
  assert.deepEqual(found.map((p) => p.kind), ['callback', 'appointment_window']);
});
