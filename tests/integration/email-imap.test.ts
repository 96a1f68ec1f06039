import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../src/storage/db.ts';
import { createInbox, updateInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { loadInbox } from '../../src/intake/inboxes/store.ts';
import { pollInbox } from '../../src/intake/channels/email/imap-poll.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { newAccount, testConfig, testDb, uniqueEmail, type TestAccount } from '../helpers.ts';
import { dovecotMissing, startDovecot, type Dovecot } from '../dovecot.ts';

const skip = dovecotMissing();

describe('IMAP polling against a real dovecot', { skip }, () => {
  let db: Db;
  let acc: TestAccount;
  let dovecot: Dovecot;
  let inboxId: string;
  const config = testConfig();
  const actor = () => systemActor(acc.accountId);
  const poll = async () => pollInbox(db, await loadInbox(db, acc.accountId, inboxId), config);
  const mail = (o: { from: string; id: string; subject: string; body: string; inReplyTo?: string }) =>
    [`From: ${o.from}`, `To: klantenservice@boekenclub.example`, `Subject: ${o.subject}`, `Message-ID: <${o.id}>`,
      ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`, `References: <${o.inReplyTo}>`] : []),
      'Content-Type: text/plain; charset=utf-8', '', o.body, ''].join('\r\n');

  before(async () => {
    db = await testDb();
    acc = await newAccount(db, 'Boekenclub');
    dovecot = await startDovecot();
    const inbox = await createInbox(db, actor(), {
      address: uniqueEmail('klantenservice').replace('@example.test', '@boekenclub.example'),
      name: 'Klantenservice Boekenclub',
      imap_url: dovecot.url,
      imap_password: dovecot.password,
    });
    inboxId = inbox.id;
  });
  after(async () => {
    await dovecot?.stop();
    await db?.close();
  });

  test('the whole backlog in one pass, stored once, threaded whatever the arrival order, marked \\Seen after commit', async () => {
    const customer = uniqueEmail('lid');
    const t = Date.now();
    await dovecot.append([
      // the reply arrives before its original
      mail({ from: customer, id: `reply-${t}@mail.example`, inReplyTo: `orig-${t}@mail.example`, subject: 'Re: Mijn pakket', body: 'En nu is ook het tweede boek zoek.' }),
      mail({ from: customer, id: `orig-${t}@mail.example`, subject: 'Mijn pakket', body: 'Mijn pakket met boeken is niet aangekomen.' }),
      mail({ from: uniqueEmail('ander'), id: `other-${t}@mail.example`, subject: 'Opzeggen', body: 'Ik wil mijn lidmaatschap opzeggen.' }),
      mail({ from: uniqueEmail('ander'), id: `other-${t}@mail.example`, subject: 'Opzeggen', body: 'Ik wil mijn lidmaatschap opzeggen.' }),
    ]);
    const report = await poll();
    assert.equal(report.error, null);
    assert.equal(report.fetched, 4);
    assert.equal(report.stored, 3);
    assert.equal(report.duplicates, 1);
    assert.equal(report.lastUid, 4);
    const cases = await db.query<{ email_message_id: string; case_id: string }>(
      `SELECT email_message_id, case_id FROM messages WHERE account_id = $1 AND email_message_id = ANY($2::text[])`,
      [acc.accountId, [`reply-${t}@mail.example`, `orig-${t}@mail.example`]],
    );
    assert.equal(cases.length, 2);
    assert.equal(cases[0].case_id, cases[1].case_id, 'the original joined the case its reply opened');
    const flags = await dovecot.flags();
    assert.deepEqual([...flags.values()].map((f) => f.includes('\\Seen')), [true, true, true, true]);

    // nothing new: nothing fetched
    assert.equal((await poll()).fetched, 0);
    // the UID mark lost (a restored database): everything again, nothing stored twice
    await db.query('UPDATE inboxes SET imap_last_uid = 0 WHERE account_id = $1 AND id = $2', [acc.accountId, inboxId]);
    const again = await poll();
    assert.equal(again.fetched, 4);
    assert.equal(again.stored, 0);
    assert.equal(again.duplicates, 4);
  });

  test('moves committed mail to a folder when the inbox says so', async () => {
    await updateInbox(db, actor(), inboxId, { imap_move_to: 'Verwerkt' });
    await dovecot.append([mail({ from: uniqueEmail('lid'), id: `move-${Date.now()}@mail.example`, subject: 'Factuur', body: 'Waar is mijn factuur?' })]);
    const report = await poll();
    assert.equal(report.stored, 1);
    assert.equal((await dovecot.flags('Verwerkt')).size, 1);
  });

  test('a wrong password is reported on the inbox, nothing stored', async () => {
    const bad = await createInbox(db, actor(), {
      address: uniqueEmail('fout').replace('@example.test', '@boekenclub.example'),
      name: 'Fout',
      imap_url: dovecot.url,
      imap_password: 'wrong',
    });
    const report = await pollInbox(db, await loadInbox(db, acc.accountId, bad.id), config);
    assert.ok(report.error);
    assert.equal(report.stored, 0);
    const row = await loadInbox(db, acc.accountId, bad.id);
    assert.ok(row.imap_error);
    assert.ok(row.imap_polled_at);
  });
});
