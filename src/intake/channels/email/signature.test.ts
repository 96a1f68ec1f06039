import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSignature } from './signature.ts';

test('the signature of the message language goes under the text after "-- "; the other when one is empty; none when both are', () => {
  const both = { signature_nl: 'Team Parkeren\n020 123 4567', signature_en: 'Parking team\n+31 20 123 4567' };
  assert.equal(withSignature('Beste Anouk,\n\nGroet, Sanne\n\n', both, 'nl'), 'Beste Anouk,\n\nGroet, Sanne\n\n-- \nTeam Parkeren\n020 123 4567\n');
  assert.match(withSignature('Dear Anne', both, 'en'), /\n-- \nParking team\n/);
  assert.match(withSignature('Liebe Anna', both, 'de'), /Parking team/);
  assert.match(withSignature('Dear Anne', { signature_nl: 'Team Parkeren', signature_en: '' }, 'en'), /-- \nTeam Parkeren\n$/);
  assert.equal(withSignature('Hallo', { signature_nl: '', signature_en: '  ' }, 'nl'), 'Hallo');
});
