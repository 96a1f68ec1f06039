import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPromises, type PromiseKind } from './find-promises.ts';

// A plain business calendar for these tests: Monday to Friday in Amsterdam, minus Dutch public holidays.
const ZONE = 'Europe/Amsterdam';
const HOLIDAYS = new Set(['2026-12-25', '2026-12-26', '2027-01-01', '2027-03-28', '2027-03-29', '2027-04-27', '2027-05-06']);
const localDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
function isBusinessDay(d: Date): boolean {
  const iso = localDate(d);
  const weekday = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(iso);
}
function addBusinessDays(start: Date, days: number): Date {
  let d = new Date(`${localDate(start)}T12:00:00Z`); // noon UTC lies on the same local date
  for (let left = days; left > 0;) {
    d = new Date(d.getTime() + 86_400_000);
    if (isBusinessDay(d)) left--;
  }
  return d;
}

const TUESDAY = '2026-11-24T10:00:00+01:00';
const BEFORE_DST_END = '2026-10-24T10:00:00+02:00'; // Saturday; summer time ends Sunday 03:00 → 02:00
const IN_DST_NIGHT = '2026-10-25T01:30:00+02:00';
const FRIDAY_AFTERNOON = '2026-11-27T15:00:00+01:00';
const BEFORE_CHRISTMAS = '2026-12-22T10:00:00+01:00'; // Friday 25th is Christmas
const BEFORE_NEW_YEAR = '2026-12-30T10:00:00+01:00'; // Friday 1 January is New Year's Day

const options = (now: string, extra: { language?: 'nl' | 'en' } = {}) =>
  ({ now: new Date(now), timeZone: ZONE, addBusinessDays, isBusinessDay, ...extra });

type Row = [reply: string, kind: PromiseKind, due: string, windowStart?: string, now?: string];

const DUTCH: Row[] = [
  ['We bellen u morgen vóór 12:00 terug.', 'callback', '2026-11-25T12:00+01:00'],
  ['Ik bel u morgenochtend terug.', 'callback', '2026-11-25T12:00+01:00'],
  ['Wij bellen u vanmiddag terug.', 'callback', '2026-11-24T17:00+01:00'],
  ['We bellen u vóór 12:00 terug.', 'callback', '2026-11-24T12:00+01:00'],
  ['U hoort uiterlijk vrijdag van ons.', 'answer_by', '2026-11-27T17:00+01:00'],
  ['U hoort binnen drie werkdagen van ons.', 'answer_by', '2026-11-27T17:00+01:00'],
  ['We nemen binnen 48 uur contact met u op.', 'answer_by', '2026-11-26T10:00+01:00'],
  ['De monteur komt donderdag tussen 8:00 en 12:00.', 'appointment_window', '2026-11-26T12:00+01:00', '2026-11-26T08:00+01:00'],
  ['De monteur komt volgende week dinsdag tussen 8 en 12 uur.', 'appointment_window', '2026-12-01T12:00+01:00', '2026-12-01T08:00+01:00'],
  ['We laten u deze week nog weten wat de uitkomst is.', 'answer_by', '2026-11-27T17:00+01:00'],
  ['Ik kom er aan het eind van de week op terug.', 'answer_by', '2026-11-27T17:00+01:00'],
  ['We bellen u over twee uur terug.', 'callback', '2026-11-24T12:00+01:00'],
  ['Wij storten het bedrag binnen vijf werkdagen terug.', 'refund_by', '2026-12-01T17:00+01:00'],
  ['We maken het bedrag van € 25,00 vóór vrijdag over.', 'refund_by', '2026-11-27T17:00+01:00'],
  ['We houden u morgen op de hoogte van de voortgang.', 'next_update_by', '2026-11-25T17:00+01:00'],
  ['U ontvangt uiterlijk donderdag een update.', 'next_update_by', '2026-11-26T17:00+01:00'],
  ['Morgenmiddag bel ik u terug.', 'callback', '2026-11-25T17:00+01:00'],
  ['We sturen u vandaag nog een antwoord.', 'answer_by', '2026-11-24T17:00+01:00'],
  ['Ik bel u voor het eind van de dag terug.', 'callback', '2026-11-24T17:00+01:00'],
  ['De monteur komt op 3 december tussen 13:00 en 17:00.', 'appointment_window', '2026-12-03T17:00+01:00', '2026-12-03T13:00+01:00'],
  ['U wordt morgen tussen 9.00 en 11.00 uur gebeld.', 'callback', '2026-11-25T11:00+01:00', '2026-11-25T09:00+01:00'],
  // a visit on a part of a day is an appointment in that part: the morning runs 08:00–12:00
  ['We komen donderdagochtend bij u langs.', 'appointment_window', '2026-11-26T12:00+01:00', '2026-11-26T08:00+01:00'],
  ['Ik laat u overmorgen weten of de reparatie gelukt is.', 'answer_by', '2026-11-26T17:00+01:00'],
  ['We lossen het probleem vóór het weekend op.', 'custom', '2026-11-27T17:00+01:00'],
  // a weekday with a clock deadline: chrono reads "voor 15 uur" as "15 hours ago", which must not make it today
  ['Ik bel u vrijdag voor 15 uur terug.', 'callback', '2026-11-27T15:00+01:00'],
  ['Wij mailen u donderdag vóór 10 uur over de stand van zaken.', 'next_update_by', '2026-11-26T10:00+01:00'],
  ['U ontvangt de nieuwe pas binnen 5 werkdagen.', 'custom', '2026-12-01T17:00+01:00'],
  ['Het bedrag staat binnen 3 werkdagen op uw rekening.', 'refund_by', '2026-11-27T17:00+01:00'],
  ['We bellen u a.s. vrijdag om 14:00 terug.', 'callback', '2026-11-27T14:00+01:00'],
  // A weekday name is the next such day, never today: on Tuesday, "dinsdag" is next week's.
  ['Wij bellen u dinsdag terug.', 'callback', '2026-12-01T17:00+01:00'],
  ['We nemen eind van de maand contact met u op.', 'answer_by', '2026-11-30T17:00+01:00'],
  ['Ik bel u om 3 uur terug.', 'callback', '2026-11-24T15:00+01:00'],
  ['We komen er binnen twee werkdagen op terug.', 'answer_by', '2026-11-26T17:00+01:00'],
  ['U hoort binnen een uur van ons.', 'answer_by', '2026-11-24T11:00+01:00'],
  ['We houden u volgende week op de hoogte.', 'next_update_by', '2026-12-04T17:00+01:00'],
  ['We bellen u in de loop van de dag terug.', 'callback', '2026-11-24T17:00+01:00'],
  ['We sturen u binnen een week een reactie.', 'answer_by', '2026-12-01T17:00+01:00'],
  ['Ik bel u maandag 7 december terug.', 'callback', '2026-12-07T17:00+01:00'],
  ['De monteur is er morgen van 8 tot 12 uur.', 'appointment_window', '2026-11-25T12:00+01:00', '2026-11-25T08:00+01:00'],
  ['Wij geven u uiterlijk 1 december uitsluitsel.', 'answer_by', '2026-12-01T17:00+01:00'],
  ['We bellen u donderdag tussen acht en tien uur.', 'callback', '2026-11-26T10:00+01:00', '2026-11-26T08:00+01:00'],
  ['Uw afspraak staat op woensdag tussen 13.00 en 17.00 uur.', 'appointment_window', '2026-11-25T17:00+01:00', '2026-11-25T13:00+01:00'],
  ['We bellen u binnen een kwartier terug.', 'callback', '2026-11-24T10:15+01:00'],
  ['Uiterlijk morgen om 17:00 maken we het geld over.', 'refund_by', '2026-11-25T17:00+01:00'],
  ['Geen zorgen, we bellen u morgen terug.', 'callback', '2026-11-25T17:00+01:00'],
  ['We bellen u morgen om 9 uur \'s avonds.', 'callback', '2026-11-25T21:00+01:00'],
  ['We zullen u vrijdag a.s. om 11.30 uur bellen.', 'callback', '2026-11-27T11:30+01:00'],
  ['U hoort begin volgende week van ons.', 'answer_by', '2026-12-01T17:00+01:00'],
  ['We bellen u morgen om 10:00 terug.', 'callback', '2026-10-25T10:00+01:00', undefined, BEFORE_DST_END],
  ['U hoort binnen 24 uur van ons.', 'answer_by', '2026-10-25T09:00+01:00', undefined, BEFORE_DST_END],
  ['De monteur komt maandag tussen 8:00 en 12:00.', 'appointment_window', '2026-10-26T12:00+01:00', '2026-10-26T08:00+01:00', BEFORE_DST_END],
  ['U hoort binnen één werkdag van ons.', 'answer_by', '2026-10-26T17:00+01:00', undefined, BEFORE_DST_END],
  ['We bellen u binnen twee uur terug.', 'callback', '2026-10-25T02:30+01:00', undefined, IN_DST_NIGHT],
  ['U hoort binnen twee werkdagen van ons.', 'answer_by', '2026-12-01T17:00+01:00', undefined, FRIDAY_AFTERNOON],
  // A bare time that has passed today means that time on the next business day.
  ['We bellen u vóór 12:00 terug.', 'callback', '2026-11-30T12:00+01:00', undefined, FRIDAY_AFTERNOON],
  ['We bellen u maandagochtend terug.', 'callback', '2026-11-30T12:00+01:00', undefined, FRIDAY_AFTERNOON],
  ['We storten het bedrag binnen drie werkdagen terug.', 'refund_by', '2026-12-28T17:00+01:00', undefined, BEFORE_CHRISTMAS],
  ['We komen er eind van de week op terug.', 'answer_by', '2026-12-24T17:00+01:00', undefined, BEFORE_CHRISTMAS],
  ['U hoort binnen twee werkdagen van ons.', 'answer_by', '2027-01-04T17:00+01:00', undefined, BEFORE_NEW_YEAR],
  ['We bellen u op 5 januari terug.', 'callback', '2027-01-05T17:00+01:00', undefined, BEFORE_NEW_YEAR],
];

const ENGLISH: Row[] = [
  ["I'll call you back tomorrow before 12:00.", 'callback', '2026-11-25T12:00+01:00'],
  ['We will call you back this afternoon.', 'callback', '2026-11-24T17:00+01:00'],
  ["You'll hear from us by Friday.", 'answer_by', '2026-11-27T17:00+01:00'],
  ["We'll get back to you within 3 business days.", 'answer_by', '2026-11-27T17:00+01:00'],
  ['We will refund the amount within five working days.', 'refund_by', '2026-12-01T17:00+01:00'],
  ['The engineer will visit on Thursday between 8:00 and 12:00.', 'appointment_window', '2026-11-26T12:00+01:00', '2026-11-26T08:00+01:00'],
  ['The engineer will come next Tuesday between 1pm and 5pm.', 'appointment_window', '2026-12-01T17:00+01:00', '2026-12-01T13:00+01:00'],
  ["We'll keep you updated by the end of the week.", 'next_update_by', '2026-11-27T17:00+01:00'],
  ['I will call you in two hours.', 'callback', '2026-11-24T12:00+01:00'],
  ['You will hear from us within 48 hours.', 'answer_by', '2026-11-26T10:00+01:00'],
  ["We'll let you know tomorrow morning.", 'answer_by', '2026-11-25T12:00+01:00'],
  ["I'll call you back by end of day.", 'callback', '2026-11-24T17:00+01:00'],
  ['We will send you an update on Monday.', 'next_update_by', '2026-11-30T17:00+01:00'],
  ["You'll receive your refund by 3 December.", 'refund_by', '2026-12-03T17:00+01:00'],
  ["I'll call you at 4pm today.", 'callback', '2026-11-24T16:00+01:00'],
  ["We'll get back to you next week.", 'answer_by', '2026-12-04T17:00+01:00'],
  ["We'll call you on Tuesday.", 'callback', '2026-12-01T17:00+01:00'],
  ['Our technician is scheduled to visit tomorrow from 9am to 11am.', 'appointment_window', '2026-11-25T11:00+01:00', '2026-11-25T09:00+01:00'],
  ['We will get back to you within the hour.', 'answer_by', '2026-11-24T11:00+01:00'],
  ["We'll resolve this before noon tomorrow.", 'custom', '2026-11-25T12:00+01:00'],
  ["No problem, we'll phone you the day after tomorrow.", 'callback', '2026-11-26T17:00+01:00'],
  ["I'll call you tonight at 8.", 'callback', '2026-11-24T20:00+01:00'],
  ["We'll get back to you early next week.", 'answer_by', '2026-12-01T17:00+01:00'],
  ["We'll call you back tomorrow at 10:00.", 'callback', '2026-10-25T10:00+01:00', undefined, BEFORE_DST_END],
  ["We'll refund you within 3 working days.", 'refund_by', '2026-12-28T17:00+01:00', undefined, BEFORE_CHRISTMAS],
  ["We'll get back to you within 1 business day.", 'answer_by', '2026-11-30T17:00+01:00', undefined, FRIDAY_AFTERNOON],
];

// Labelled and passive forms, and promises made in a colleague's name (issue 14).
DUTCH.push(
  ['Volgende update: donderdag 15:00', 'next_update_by', '2026-11-26T15:00+01:00'],
  ['Wanneer u weer van ons hoort: vrijdag 12:00', 'next_update_by', '2026-11-27T12:00+01:00'],
  ['Terugbetaling: binnen 3 werkdagen.', 'refund_by', '2026-11-27T17:00+01:00'],
  ['Het bedrag wordt binnen 3 werkdagen teruggeboekt.', 'refund_by', '2026-11-27T17:00+01:00'],
  ['De dubbele afschrijving boeken we morgen terug.', 'refund_by', '2026-11-25T17:00+01:00'],
  ['Ik mail u woensdag vóór 17:00.', 'answer_by', '2026-11-25T17:00+01:00'],
  ['Een collega van de afdeling Incasso belt u morgen tussen 10:00 en 11:00 terug.', 'callback', '2026-11-25T11:00+01:00', '2026-11-25T10:00+01:00'],
  ['U kunt de monteur donderdag tussen 8 en 12 uur verwachten.', 'appointment_window', '2026-11-26T12:00+01:00', '2026-11-26T08:00+01:00'],
  ['U krijgt iedere ochtend vóór 10:00 een update tot uw aansluiting weer werkt.', 'next_update_by', '2026-11-25T10:00+01:00'],
);
ENGLISH.push(
  ['Next update: Thursday 3pm', 'next_update_by', '2026-11-26T15:00+01:00'],
  ['The second charge will be reversed within 2 business days.', 'refund_by', '2026-11-26T17:00+01:00'],
  ['Someone from our billing team will call you tomorrow between 9 and 11 am.', 'callback', '2026-11-25T11:00+01:00', '2026-11-25T09:00+01:00'],
);

const NOT_A_PROMISE: string[] = [
  'Normaal gesproken wordt een pakket binnen twee werkdagen bezorgd.',
  'Wij streven ernaar binnen vijf werkdagen te reageren.',
  'Het bedrag is op 3 december al naar uw rekening teruggestort.',
  'Datum van uw aanvraag: 12 november',
  'We usually reply within two business days.',
  'Uw factuur van 3 maart is betaald.',
  'We hebben u gisteren gebeld.',
  'Kunt u ons morgen bellen?',
  'Wilt u ons morgen even terugbellen.',
  'Als u vóór vrijdag betaalt, storten we het bedrag terug.',
  'We bellen u terug.',
  'We kunnen u morgen bellen als u dat wilt.',
  'De monteur is op 3 december geweest.',
  'Het bedrag is gisteren teruggestort.',
  'Wij bellen op zondag niet.',
  'Uw contract loopt tot 1 januari 2027.',
  'Ik heb u vanochtend om 9 uur gebeld.',
  'Zullen we u morgen bellen?',
  'We called you yesterday.',
  'Could you call us tomorrow?',
  'Please call us back tomorrow before 12:00.',
  'Your invoice of 3 March has been paid.',
  'If you send the form by Friday, we will refund the amount.',
  'We can call you tomorrow if that suits you.',
  'Shall we call you tomorrow?',
  'The refund was issued on 3 December.',
];

for (const [reply, kind, due, windowStart, now = TUESDAY] of [...DUTCH, ...ENGLISH]) {
  test(`"${reply}" → ${kind} due ${due}`, () => {
    const found = findPromises(reply, options(now));
    assert.equal(found.length, 1, `expected one promise, found ${JSON.stringify(found)}`);
    const [p] = found;
    assert.equal(p.kind, kind);
    assert.equal(p.dueAt.toISOString(), new Date(due).toISOString());
    assert.equal(p.windowStart?.toISOString() ?? null, windowStart ? new Date(windowStart).toISOString() : null);
    assert.ok(reply.includes(p.text) && p.text.length > 0, `text "${p.text}" is taken from the reply`);
  });
}

for (const reply of NOT_A_PROMISE) {
  test(`"${reply}" → no promise`, () => {
    assert.deepEqual(findPromises(reply, options(TUESDAY)), []);
  });
}

test('a whole reply: one promise per committing clause, the text as written', () => {
  const reply = 'Beste Tim,\n\nHet spijt me dat de monteur niet kwam. De monteur komt donderdag tussen 8:00 en 12:00, en ik bel u woensdag ter bevestiging. Uw factuur van 3 maart blijft staan.\n\nMet vriendelijke groet,\nSanne';
  const found = findPromises(reply, options(TUESDAY));
  assert.deepEqual(found.map((p) => [p.kind, p.text, p.dueAt.toISOString()]), [
    ['appointment_window', 'De monteur komt donderdag tussen 8:00 en 12:00', '2026-11-26T11:00:00.000Z'],
    ['callback', 'ik bel u woensdag ter bevestiging', '2026-11-25T16:00:00.000Z'],
  ]);
});

test('the language option restricts the phrases to that language', () => {
  assert.equal(findPromises('We bellen u morgen terug.', options(TUESDAY, { language: 'en' })).length, 0);
  assert.equal(findPromises("We'll call you tomorrow.", options(TUESDAY, { language: 'en' })).length, 1);
});

test('endOfBusinessDay from the caller replaces the 17:00 default', () => {
  const endOfBusinessDay = (d: Date) => new Date(`${localDate(d)}T18:00:00+01:00`);
  const [p] = findPromises('U hoort uiterlijk vrijdag van ons.', { ...options(TUESDAY), endOfBusinessDay });
  assert.equal(p.dueAt.toISOString(), '2026-11-27T17:00:00.000Z');
});
