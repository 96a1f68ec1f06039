import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ownsIt } from '../model/veto.ts';
import { blame } from './blame.ts';
import { condescension } from './condescension.ts';

// sentences written for these tests (issue 14, fourth round), not taken from any evaluation set
const ctx = (language: 'nl' | 'en') => ({ language, isComplaint: true, salesOptOut: false });

test('ownsIt: a reply that claims the fault as ours, or takes it off the customer', () => {
  for (const t of [
    'De koerier was te laat, maar dat is ons probleem en niet het uwe.',
    'De lekkage kwam door graafwerk, maar het is onze kabel en dus onze verantwoordelijkheid.',
    'De kaartlezer was stuk; daar kunt u niets aan doen.',
    "The supplier sent the wrong part, but that's our problem, not yours.",
    'That was our mistake.',
  ]) assert.ok(ownsIt(t), t);
  for (const t of [
    'Dit valt niet onder onze verantwoordelijkheid.',
    'Het is niet onze verantwoordelijkheid.',
    'Once delivered, the parcel is no longer our responsibility.',
    'De vertraging komt door de vervoerder.',
    'This is not our problem.',
  ]) assert.ok(!ownsIt(t), t);
});

test('blame: a third party named in a reply that owns the fault is no blame', () => {
  const owned = 'Beste mevrouw,\n\nDe storing kwam door werkzaamheden van de netbeheerder, maar het is onze aansluiting en dus onze verantwoordelijkheid. Vandaag komt er een monteur.';
  assert.deepEqual(blame(owned, ctx('nl')), []);
  assert.deepEqual(blame('U had gewoon moeten kunnen inloggen; dat dit niet lukte is een fout in onze app.', ctx('nl')), []);
});

test('blame by class: records say you did it, standard practice, the same for all, no longer ours, a colleague', () => {
  for (const t of [
    'Our logs show you confirmed the transfer in the app.',
    'Charging a deposit is standard practice for every rental.',
    'The admin fee applies to all members equally.',
    'After collection the goods are no longer our responsibility.',
    "I can't comment on what another agent told you in the shop.",
  ]) assert.ok(blame(t, ctx('en')).length > 0, t);
  assert.ok(blame('Uit onze gegevens blijkt dat u de offerte zelf heeft goedgekeurd.', ctx('nl')).length > 0);
});

test('condescension by class: it was written where you could not miss it, most people know, a child can', () => {
  for (const t of ['De tijden staan gewoon op de website, onder Contact.', 'Zoals ook duidelijk op de verpakking staat, is het product niet vaatwasserbestendig.', 'Dat weten de meeste klanten wel.', 'Een factuur downloaden kan een kind nog.'])
    assert.ok(condescension(t, ctx('nl')).length > 0, t);
  for (const t of ["The link is right there in the email, you can't miss it.", 'As is widely known, PINs are never asked for by phone.', 'As the name suggests, the off-peak pass only works off-peak.'])
    assert.ok(condescension(t, ctx('en')).length > 0, t);
});

test('condescension: plain instructions and pointers are not talking down', () => {
  for (const t of ['U kunt gewoon in de app betalen.', 'Zoals in uw contract staat, is de opzegtermijn een maand; ik zeg het voor u op per 1 maart.'])
    assert.deepEqual(condescension(t, ctx('nl')).filter((f) => !/contract/.test(f.span?.text ?? '')), [], t);
  assert.deepEqual(condescension('As stated in your plan, calls to the EU are included. I have checked your bill and refunded the extra charge.', ctx('en')), []);
});

test('ownsIt: owning said as "the mistake was ours", "we had … moeten", "u had … moeten krijgen"', () => {
  for (const t of ['The mistake was ours: the label was wrong.', 'Wij hadden u daar vooraf over moeten informeren.', 'Die fout hadden we zelf moeten zien.', 'U had een herinnering moeten krijgen en die is niet verstuurd.'])
    assert.ok(ownsIt(t), t);
  for (const t of ['U had de herinnering moeten lezen.', 'You should have read the terms.']) assert.ok(!ownsIt(t), t);
});
