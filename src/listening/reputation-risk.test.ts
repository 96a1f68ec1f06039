import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessReputationRisk, type MentionKind } from './reputation-risk.ts';

const kinds = (text: string) => assessReputationRisk(text).mentions.map((m) => m.kind);

function check(kind: MentionKind, must: string[], mustNot: string[]) {
  for (const t of must) assert.ok(kinds(t).includes(kind), `${kind} must be found in: ${t}`);
  for (const t of mustNot) assert.ok(!kinds(t).includes(kind), `${kind} must not be found in: ${t}`);
}

test('consumer programmes and media', () => {
  check(
    'media',
    ['Ik stap naar Radar', 'Kassa gaat hier van smullen', 'Ik heb Opgelicht?! al gemaild', 'Ik ga naar de krant', 'Een journalist van de NOS', 'RTL Nieuws wil het weten', 'I will go to the press', 'A reporter from the BBC called me'],
    ['Ik heb bij de kassa betaald', 'Dat bleef onder de radar', 'Ik ben opgelicht door een webshop', 'Het radar-station', 'The radar was broken'],
  );
});

test('regulators and dispute bodies', () => {
  check('regulator', ['Ik meld dit bij de ACM', 'Ik dien een klacht in bij de Autoriteit Persoonsgegevens', 'AFM', 'I will report you to the FCA', 'Trading Standards will hear of this'], ['Ik heb acm gelezen', 'acme corp']);
  check('dispute_body', ['Ik ga naar de Geschillencommissie', 'Klacht bij Kifid ingediend', 'De Consumentenbond weet ervan', 'I will contact the ombudsman'], ['Ik heb geschillen met mijn buurman']);
});

test('lawyers and legal action', () => {
  check(
    'lawyer',
    ['Mijn advocaat neemt contact op', 'Ik onderneem juridische stappen', 'Dan zie ik u in de rechtszaak', 'Ik stap naar de rechter', 'I will sue you', 'My lawyer will be in touch', 'We are taking legal action'],
    ['Het zit aan de rechter kant van de auto', 'Sue from accounts called me', 'I talked to Sue yesterday'],
  );
});

test('going public on social media', () => {
  check(
    'social',
    ['Ik zet het op Twitter', 'Ik zet dit op X', 'Dit gaat op Facebook', 'Ik ga dit delen', 'Ik plaats een slechte review', 'I will post this online', 'I am going to share this on Instagram', 'Expect a bad review on Trustpilot'],
    ['Ik zag jullie advertentie op Facebook', 'Ik volg jullie op Instagram', 'I will post the form on Monday', 'I saw your ad on TikTok'],
  );
});

test('levels and spans', () => {
  assert.equal(assessReputationRisk('Bedankt voor de hulp').level, 0);
  assert.equal(assessReputationRisk('Ik zet het op Facebook').level, 1);
  assert.equal(assessReputationRisk('Ik stap naar Radar').level, 2);
  assert.equal(assessReputationRisk('Mijn advocaat belt u').level, 3);
  assert.equal(assessReputationRisk('Ik stap naar Kassa en zet het op Twitter').level, 3);
  const text = 'Anders ga ik naar Radar.';
  const [m] = assessReputationRisk(text).mentions;
  assert.deepEqual(m, { kind: 'media', text: 'Radar', start: 18, end: 23 });
  assert.equal(text.slice(m!.start, m!.end), 'Radar');
});
