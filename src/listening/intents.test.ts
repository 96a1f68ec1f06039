import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectIntents, type Intent } from './intents.ts';

const has = (text: string, intent: Intent, sentiment = 0) => detectIntents(text, { sentiment }).includes(intent);

function check(intent: Intent, must: string[], mustNot: string[]) {
  for (const t of must) assert.ok(has(t, intent), `${intent} must trigger: ${t}`);
  for (const t of mustNot) assert.ok(!has(t, intent), `${intent} must not trigger: ${t}`);
}

test('cancellation', () => {
  check(
    'cancellation',
    [
      'Ik wil mijn abonnement opzeggen',
      'Hierbij zeg ik mijn lidmaatschap op',
      'Graag mijn bestelling annuleren',
      'Ik wil het contract beëindigen per 1 juni',
      'Please cancel my subscription',
      'How do I close my account?',
      'I want to terminate my contract',
    ],
    ['Mijn pakket is nog niet aangekomen', 'My flight was cancelled and nobody told me', 'Ik wil me afmelden voor de nieuwsbrief', 'Wanneer komt mijn pakket?'],
  );
});

test('refund request', () => {
  check(
    'refund_request',
    ['Ik wil mijn geld terug', 'Graag een terugbetaling van het bedrag', 'Kunt u het bedrag terugstorten?', 'I want a refund', 'Can I get my money back?', 'Please reimburse me'],
    ['Ik kom terug op mijn vorige mail', 'Ik heb het geld overgemaakt', 'I paid the invoice yesterday', 'Where do I return the package?'],
  );
});

test('opt-out', () => {
  check(
    'opt_out',
    [
      'Niet geïnteresseerd',
      'Ik heb geen interesse, bel me niet meer',
      'Stop met mailen!',
      'Haal me van de lijst',
      'Ik wil me uitschrijven voor de nieuwsbrief',
      'Unsubscribe',
      'Please stop calling me',
      'Remove me from your mailing list',
      "Don't call me again",
    ],
    ['Ik ben zeer geïnteresseerd in het aanbod', 'Bel me morgen even terug', 'Can you call me back?', 'I am interested in the offer'],
  );
});

test('question', () => {
  check(
    'question',
    ['Wanneer wordt mijn pakket bezorgd?', 'Kunt u mij vertellen hoe dat werkt', 'Hoe kan ik inloggen', 'Is het mogelijk om later te betalen', 'How do I reset my password', 'Can you tell me when it ships'],
    ['Heb al drie keer gebeld zonder resultaat.', 'Wat een puinhoop.', 'Ik heb betaald.', 'Have been waiting for weeks.', 'What a joke.', 'How dare you charge me.'],
  );
});

test('complaint: explicit complaint words or clearly negative sentiment', () => {
  check(
    'complaint',
    [
      'Ik heb te veel betaald voor het parkeren',
      'Er is twee keer € 4,50 afgeschreven',
      'Mijn bestelling is nog steeds niet geleverd',
      'De app werkt niet',
      'Ik wil een klacht indienen',
      'I was charged twice',
      'My parcel never arrived',
      'The app is not working',
    ],
    ['Ik wil mijn adres wijzigen', 'Bedankt voor de snelle hulp!', 'Ik ben mijn wachtwoord vergeten', 'Where can I find my invoice?', 'Thanks, that works now.'],
  );
  assert.ok(has('Dit is echt schandalig', 'complaint', -0.7));
  assert.ok(!has('Dit is echt schandalig', 'complaint', 0));
});

test('one message, several intents', () => {
  assert.deepEqual(detectIntents('Waarom is er twee keer afgeschreven? Ik wil mijn geld terug en zeg mijn abonnement op.', { sentiment: -0.5 }), [
    'complaint',
    'question',
    'cancellation',
    'refund_request',
  ]);
});
