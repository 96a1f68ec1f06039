import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { buildPain001, sepaText } from './export-sepa.ts';

const XSD = new URL('../../../shared/data/sepa/pain.001.001.03.xsd', import.meta.url);

const sample = (format: 'pain.001.001.03' | 'pain.001.001.09') => buildPain001({
  format, messageId: 'LU-20261222100000-1a2b3c4d', created: new Date('2026-12-22T09:00:00Z'), debtorName: 'Sportschool Één B.V.',
  debtorIban: 'NL91ABNA0417164300', debtorBic: 'ABNANL2A',
  refunds: [
    { id: '0f8e0a4c-1111-4b7a-9c55-0123456789ab', amount_cents: 2995, iban: 'NL44RABO0123456789', account_holder: 'Zoë Jansen', case_ref: 'LU-1001' },
    { id: '0f8e0a4c-2222-4b7a-9c55-0123456789ab', amount_cents: 10, iban: 'DE89370400440532013000', account_holder: 'Jürgen Müller & Co', case_ref: 'LU-1002' },
  ],
});

test('a refund batch is a pain.001 credit transfer with the right total and count', () => {
  const xml = sample('pain.001.001.03');
  assert.match(xml, /<NbOfTxs>2<\/NbOfTxs><CtrlSum>30.05<\/CtrlSum>/);
  assert.match(xml, /<InstdAmt Ccy="EUR">29.95<\/InstdAmt>/);
  assert.match(xml, /<Nm>Zoe Jansen<\/Nm>/);
  assert.match(xml, /<Ustrd>Terugbetaling LU-1001<\/Ustrd>/);
  assert.match(sample('pain.001.001.09'), /pain\.001\.001\.09/);
  assert.equal(sepaText('Jürgen Müller & Co', 70), 'Jurgen Muller Co');
});

test('the pain.001.001.03 file is valid against the official XSD', { skip: !existsSync(XSD) && 'the XSD is in ../shared/data/sepa (absent here): schema check skipped' }, async () => {
  const r = await validateXML({
    xml: [{ fileName: 'batch.xml', contents: sample('pain.001.001.03') }],
    schema: [{ fileName: 'pain.001.001.03.xsd', contents: readFileSync(XSD, 'utf8') }],
  });
  assert.deepEqual(r.errors, []);
  assert.equal(r.valid, true);
});
