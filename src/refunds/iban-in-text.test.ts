import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ibanInText } from './iban-in-text.ts';

test('an IBAN written in a message is found, spaced or not, in any case; a wrong one is not', () => {
  assert.equal(ibanInText('Graag terugstorten op NL91 ABNA 0417 1643 00, alvast bedankt.'), 'NL91ABNA0417164300');
  assert.equal(ibanInText('rekening nl91abna0417164300 graag'), 'NL91ABNA0417164300');
  assert.equal(ibanInText('IBAN: DE89 3704 0044 0532 0130 00'), 'DE89370400440532013000');
  assert.equal(ibanInText('NL91 ABNA 0417 1643 01 (een typefout)'), null);
  assert.equal(ibanInText('Ik ben twee keer afgeschreven, ordernummer AB12345678901234'), null);
  assert.equal(ibanInText('Eerst NL91ABNA0417164300, nee sorry: NL44 RABO 0123 4567 89'), 'NL44RABO0123456789', 'the last one wins');
});
