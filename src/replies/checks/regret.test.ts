import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allMatches } from '../text-match.ts';
import { APOLOGY, onlyNonApologies, regretIsNotApology } from './regret.ts';

/** Whether the sentence holds a word of regret that is an apology. */
function apologises(sentence: string): boolean {
  return allMatches(sentence, APOLOGY).some((h) => !regretIsNotApology(sentence, h.start, h.end));
}

test('a regret for what happened is an apology, in any sector and either language', () => {
  for (const s of [
    'Het spijt me dat de monteur niet is gekomen.', 'Onze excuses voor de dubbele afschrijving.', 'Sorry voor het lange wachten!',
    'Wij betreuren de vertraging van uw zending.', 'Het spijt ons te horen dat u niet tevreden bent over de kapper.',
    'I am sorry you were charged twice for the parking session.', 'We apologise for the late delivery of your sofa.',
    'Sorry for not replying sooner.', 'I am very sorry you were left without heating.', 'Excuses dat u dit zo moest ontdekken.',
    // a regret before a "but" that puts the fault elsewhere still apologises (and is blame as well)
    'Onze excuses, maar de fout ligt bij de bezorgdienst.',
  ]) assert.ok(apologises(s), s);
});

test('a regret about the customer\'s view, feelings or leaving, a condition, bad news or a question is no apology', () => {
  for (const s of [
    'Het spijt ons dat u het bezoek zo heeft ervaren.', 'Het spijt me dat u zich niet serieus genomen voelt.', 'Sorry dat u zo boos bent.',
    'We are sorry you feel that way about the new timetable.', 'We apologise if our letter caused any confusion.', 'Excuses als dat zo overkwam.',
    'Sorry to see you go!', 'Het spijt ons dat u opzegt.', 'We are sorry to see you leave.', 'Het spijt ons dat u het gevoel heeft dat er niet geluisterd wordt.', 'We regret to inform you that your claim has been declined.',
    'Het spijt ons u te moeten melden dat de cursus vol is.', 'Sorry to bother you, could you send a photo of the meter?',
    'Sorry dat ik het nog even moet vragen: wat is uw klantnummer?', 'Sorry hoor, maar dat staat gewoon in de voorwaarden.',
    'Het spijt me, maar ik heb u dit al drie keer uitgelegd.', 'Geen excuses nodig, we lossen het op.', 'We do not feel an apology is owed here.', 'Wij vinden niet dat excuses hier op hun plaats zijn.', 'No need to apologise!',
  ]) assert.ok(!apologises(s), s);
});

test('onlyNonApologies: words of regret, none an apology; a sentence without regret is not "only non-apologies"', () => {
  assert.equal(onlyNonApologies('We are sorry you feel that way.'), true);
  assert.equal(onlyNonApologies('We are sorry you feel that way, and sorry for the delay.'), false);
  assert.equal(onlyNonApologies('Dat had niet mogen gebeuren.'), false);
});
