// The CLI of the charge ledger and refund payments (issue 16): `luister ledger import FILE [--mapping M]
// [--dry-run]`, `luister ledger detect`, `luister refunds export-sepa`. The same database as the server
// (DATA_DIR's PGlite, or DATABASE_URL when the tests run on PostgreSQL).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { loadConfig } from '../../src/config.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { openRuntime } from '../../src/runtime.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { requestRefund } from '../../src/refunds/request-refund.ts';
import { approveRefund } from '../../src/refunds/approve-refund.ts';
import { updateRefundSettings } from '../../src/refunds/settings.ts';
import { uniqueEmail } from '../helpers.ts';
import { cliRunner } from '../cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'luister-ledger-cli-'));
const dataDir = join(dir, 'data');
const { luister, json } = cliRunner('', dataDir);
const XSD = new URL('../../../shared/data/sepa/pain.001.001.03.xsd', import.meta.url);
after(() => rmSync(dir, { recursive: true, force: true }));

/** Work on the same database through the library between CLI runs (one process at a time holds a PGlite data folder). */
async function withRuntime<T>(fn: (db: Awaited<ReturnType<typeof openRuntime>>['db']) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? '', LOG_LEVEL: 'silent' }), 'test');
  try {
    return await fn(rt.db);
  } finally {
    await rt.close();
  }
}

test('luister ledger import (a mapping, a dry run, a re-import), ledger detect and refunds export-sepa', async () => {
  // each CLI run opens the database (and on PGlite migrates it): a few runs only, the rest through the library
  const tag = `${process.pid}-${Date.now()}`;
  const accountId = await withRuntime(async (db) => (await createAccount(db, { name: 'Parkeren BV', adminEmail: `lc.${tag}@example.test` })).account.account_id);
  const a = ['--account', accountId];

  // billing's own export: semicolons, decimal commas, Dutch column names; a double charge and one bad row
  const file = join(dir, 'afschrijvingen.csv');
  writeFileSync(file, [
    'Transactie;Klant;Bedrag;Datum;Kenmerk',
    `T-${tag}-1;klant.${tag}@example.test;12,50;01-12-2026 08:00;P-1`,
    `T-${tag}-2;klant.${tag}@example.test;12,50;01-12-2026 08:03;P-1`,
    `T-${tag}-3;klant.${tag}@example.test;twaalf;01-12-2026 09:00;P-2`,
    `T-${tag}-4;ander.${tag}@example.test;3,00;01-12-2026 10:00;P-3`,
  ].join('\n') + '\n');
  const mapping = join(dir, 'mapping.json');
  writeFileSync(mapping, JSON.stringify({ columns: { charge_id: 'Transactie', customer: 'Klant', amount: 'Bedrag', charged_at: 'Datum', merchant_ref: 'Kenmerk' }, delimiter: ';', decimal: ',' }));

  const dry = json(luister('ledger', 'import', file, '--mapping', mapping, '--dry-run', ...a));
  assert.deepEqual([dry.dry_run, dry.rows_read, dry.rows_good, dry.rows_bad, dry.rows_imported, dry.import_id], [true, 4, 3, 1, 0, null]);
  assert.deepEqual(dry.errors, [{ line: 4, field: 'amount', reason: dry.errors[0].reason }]);

  assert.equal(await withRuntime(async (db) => (await db.query('SELECT 1 FROM charges WHERE account_id = $1', [accountId])).length), 0, 'the dry run wrote nothing');
  const first = json(luister('ledger', 'import', file, '--mapping', mapping, ...a));
  assert.deepEqual([first.rows_imported, first.rows_already_there, first.rows_bad], [3, 0, 1]);
  const again = json(luister('ledger', 'import', file, '--mapping', mapping, ...a));
  assert.deepEqual([again.rows_imported, again.rows_already_there], [0, 3], 'a re-import changes nothing');

  assert.equal(json(luister('ledger', 'detect', ...a)).double_charges, 1);

  // nothing approved to an IBAN yet (and no account to pay from): a clear refusal, no file
  const none = luister('refunds', 'export-sepa', '--out', join(dir, 'leeg.xml'), ...a);
  assert.equal(none.code, 1);
  assert.match(none.err, /debtor|paid from/);
  assert.equal(existsSync(join(dir, 'leeg.xml')), false);

  // an approved refund of the double charge to an IBAN (through the library on the same database)
  await withRuntime(async (db) => {
    const sys = systemActor(accountId);
    const [admin] = await db.query<{ id: string }>('SELECT id FROM agents WHERE account_id = $1', [accountId]);
    await updateRefundSettings(db, sys, { debtor_name: 'Parkeren BV', debtor_iban: 'NL91ABNA0417164300', debtor_bic: 'ABNANL2A' });
    const r = await receiveMessage(db, sys, { customer: { email: uniqueEmail('zoe'), name: 'Zoë Jansen' }, subject: 'Twee keer betaald', body: 'Ik ben twee keer afgeschreven.', channel: 'web' });
    const refund = await requestRefund(db, sys, {
      caseId: r.case.id, amountCents: 1250, currency: 'EUR', reason: 'dubbel afgeschreven', chargeId: `T-${tag}-2`,
      destination: 'iban', iban: 'NL44RABO0123456789', accountHolder: 'Zoë Jansen', ownerId: admin.id,
    });
    await approveRefund(db, sys, refund.id);
  });
  const out = join(dir, 'batch.xml');
  const batch = json(luister('refunds', 'export-sepa', '--out', out, ...a));
  assert.deepEqual([batch.refund_count, batch.total_cents, batch.format, batch.file], [1, 1250, 'pain.001.001.03', out]);
  const xml = readFileSync(out, 'utf8');
  assert.match(xml, /<NbOfTxs>1<\/NbOfTxs><CtrlSum>12.50<\/CtrlSum>/);
  if (existsSync(XSD)) {
    const v = await validateXML({ xml: [{ fileName: 'batch.xml', contents: xml }], schema: [{ fileName: 'pain.001.001.03.xsd', contents: readFileSync(XSD, 'utf8') }] });
    assert.deepEqual(v.errors, []);
  }
});
