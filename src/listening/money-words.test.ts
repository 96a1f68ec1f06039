import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordAmounts } from './money-words.ts';
import { findMoneyMentions } from './money.ts';
import { disputedAmount } from './disputed-amount.ts';

/** The amounts a text holds, as "cents currency" with "~" for a bare one and "?" for one said roughly. */
const read = (text: string) => findMoneyMentions(text).map((m) => `${m.cents} ${m.currency}${m.implicit ? '~' : ''}${m.rough ? '?' : ''}`);

test('a whole and its cents in words, with a currency word', () => {
  const cases: [string, string[]][] = [
    ['Er is twaalf euro vijftig afgeschreven.', ['1250 EUR']],
    ['Het kostte twaalf euro en vijftig cent.', ['1250 EUR']],
    ['ze rekenden drie euro en 50 cent', ['350 EUR']],
    ['I was charged nineteen pounds forty.', ['1940 GBP']],
    ['they billed me twelve dollars and fifty cents', ['1250 USD']],
    ['het parkeren kostte vijftig cent', ['50 EUR']],
    ['ninety-five cents for nothing, they charged me', ['95 USD']],
    ['they took fifty pence', ['50 GBP']],
    ['een euro vijftig betaald', ['150 EUR']],
    ['ik betaalde honderdtwintig euro', ['12000 EUR']],
    ['twaalfhonderd euro afgeschreven!', ['120000 EUR']],
    ['I paid one hundred and five pounds', ['10500 GBP']],
    ['er is twaalf komma vijf euro afgeschreven', ['1250 EUR']],
    ['twaalf vijftig euro betaald', ['1250 EUR']],
    ['I used to pay a pound fifty', ['150 GBP']],
    ['het kostte tien euro nog wat', ['1000 EUR?']],
  ];
  for (const [t, want] of cases) assert.deepEqual(read(t), want, t);
});

test('slang currencies, coins and notes', () => {
  const cases: [string, string[]][] = [
    ['vijf euries voor niks weg', ['500 EUR']],
    ['tien piek voor tien minuten', ['1000 EUR']],
    ['they took ten quid for five minutes', ['1000 GBP']],
    ['five bucks they charged me', ['500 USD']],
    ['20 quid charged', ['2000 GBP']],
    ['Het kostte me een tientje!', ['1000 EUR']],
    ['I paid a tenner for five minutes', ['1000 EUR']],
    ['a fiver, for a pound of parking (£1)', ['500 GBP', '100 GBP', '100 GBP']],
    ['ik moest een briefje van vijftig pinnen', ['5000 EUR']],
    ['twee tientjes kwijt', ['2000 EUR']],
    ['two grand charged!', ['200000 EUR']],
  ];
  for (const [t, want] of cases) assert.deepEqual(read(t), want, t);
});

test('a price said aloud without a currency, near words about paying', () => {
  const cases: [string, string[]][] = [
    ['Ik heb twaalf vijftig betaald voor een kwartier.', ['1250 EUR~']],
    ['Jullie rekenden zeven vijfennegentig voor tien minuten.', ['795 EUR~']],
    ['I paid twelve fifty for a quarter of an hour.', ['1250 EUR~']],
    ['The app charged twelve ninety-five.', ['1295 EUR~']],
    ['ik betaalde honderd twintig vijftig', ['12050 EUR~']],
    ['Normaal twee vijftig, nu was het ineens elf vijfenzeventig, betaald via de app.', ['250 EUR~', '1175 EUR~']],
    ['They charged me twelve fifty, instead of £2', ['1250 GBP~', '200 GBP']],
    ['Er ging vijftien zestig van mijn rekening af.', ['1560 EUR~']],
    ['Ze rekenden twaalf komma vijf voor tien minuten', ['1250 EUR~']],
  ];
  for (const [t, want] of cases) assert.deepEqual(read(t), want, t);
});

test('bare amounts beside a particle or verb of money gone', () => {
  const cases: [string, string[]][] = [
    ['12.50 weg van mijn rekening voor 10 minuten', ['1250 EUR~']],
    ['er ging 8,40 af terwijl ik maar even stond', ['840 EUR~']],
    ['Er ging gisteren 8,40 af voor een sessie van vijf minuten.', ['840 EUR~']],
    ['ze pakten 3,20 voor niks', ['320 EUR~']],
    ['Jullie schreven drie keer 12,50 af, in totaal 37,50.', ['1250 EUR~', '3750 EUR~']],
    ['Vanochtend 9,85 kwijt.', ['985 EUR~']],
  ];
  for (const [t, want] of cases) assert.deepEqual(read(t), want, t);
});

test('said roughly: found, marked, and never taken without a look', () => {
  assert.deepEqual(read('er is twee euro en een paar cent afgeschreven'), ['200 EUR?']);
  assert.deepEqual(read('jullie vroegen een dertig euro'), ['3000 EUR?']);
  assert.deepEqual(read('ten quid or so, they took'), ['1000 GBP?']);
  for (const t of ['er is twee euro en een paar cent afgeschreven', 'Jullie rekenden een dertig euro voor een ochtend']) {
    const d = disputedAmount(t);
    assert.ok(d && !d.certain, t);
  }
  // the certain ones stay certain
  for (const [t, cents] of [['Ik heb twaalf vijftig betaald voor een kwartier.', 1250], ['ze pakten 3,20 voor niks', 320], ['They charged me a tenner for ten minutes.', 1000]] as const) {
    const d = disputedAmount(t);
    assert.ok(d?.certain, t);
    assert.equal(d?.amount.cents, cents, t);
  }
});

test('no amount: counts, times, dates, "een paar", numbers far from money', () => {
  const none = [
    'een paar euro', 'één keer geparkeerd en twee keer betaald', 'om half acht weg', 'op vijf mei betaald', 'drie ritten gemaakt, betaald met de app',
    'een paar cent', 'twee keer afgeschreven', 'I paid at twelve fifty pm', 'tien twintig minuten geparkeerd en betaald', 'betaald in negentien negentig',
    'ik stond er twaalf vijftig minuten', 'Ik heb twaalf vijftig kinderen', 'om twaalf vijftig betaald', 'twaalf vijftig', 'een twee drie vier, betaald',
    'Hoe kan ik twee kentekens koppelen? Ik wil niet twee keer betalen.', 'een paar tientjes kwijt', 'ik betaalde voor drie kaartjes',
    'ik betaalde voor de trein van twaalf twintig', 'the twenty twenty-three invoice was paid', 'ik betaal al twaalf jaar', 'betaald op twaalf december',
  ];
  for (const t of none) assert.deepEqual(read(t), [], t);
  assert.deepEqual(wordAmounts('twaalf vijftig').map((w) => w.implicit), [true], 'read, but only money near words about paying');
});
