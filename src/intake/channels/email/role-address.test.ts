import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roleAddressKind } from './role-address.ts';

test('role and machine addresses are recognised by class, not by a list of whole addresses', () => {
  const cases: [string, string][] = [
    ['MAILER-DAEMON@mx.example.net', 'mail daemon'], ['mailer_daemon@a.example', 'mail daemon'], ['mail-delivery-system@a.example', 'mail daemon'],
    ['postmaster@carrier.example', 'postmaster'], ['Postmaster@a.example', 'postmaster'],
    ['noreply@shop.example', 'no-reply'], ['no-reply@a.example', 'no-reply'], ['no_reply@a.example', 'no-reply'], ['donotreply@a.example', 'no-reply'],
    ['do-not-reply@a.example', 'no-reply'], ['DoNotReply@a.example', 'no-reply'], ['noreply-orders@a.example', 'no-reply'],
    ['info.noreply@a.example', 'no-reply'], ['niet-beantwoorden@gemeente.example', 'no-reply'], ['ne-pas-repondre@a.example', 'no-reply'],
    ['keine-antwort@a.example', 'no-reply'],
    ['list-admin@lists.example', 'list manager'], ['fietsers-request@lists.example', 'list manager'], ['fietsers-owner@lists.example', 'list manager'],
    ['owner-fietsers@lists.example', 'list manager'], ['fietsers-bounces@lists.example', 'list manager'],
    ['fietsers-bounces+jan=mail.example@lists.example', 'list manager'], ['majordomo@lists.example', 'list manager'],
    ['LISTSERV@lists.example', 'list manager'], ['mailman@lists.example', 'list manager'], ['ezmlm@lists.example', 'list manager'],
    ['bounce@esp.example', 'bounce handler'], ['bounces+123@esp.example', 'bounce handler'], ['bounce-4411-x@esp.example', 'bounce handler'],
    ['prvs=1234abcd=jan@mail.example', 'bounce handler'], ['SRS0=abcd=xy=mail.example=jan@fwd.example', 'bounce handler'],
  ];
  for (const [address, kind] of cases) assert.equal(roleAddressKind(address), kind, address);
});

test('people, and words that only look like roles, are not role addresses', () => {
  for (const address of ['jan.devries@mail.example', 'anouk@replyco.example', 'norbert.eply@a.example', 'office-admin@bakkerij.example',
    'requester@a.example', 'owner@garage.example', 'bouncer.bob@a.example', 'postmasters-wife@a.example', 'noreen@a.example', 'jdöe@mächine.example', '', null]) {
    assert.equal(roleAddressKind(address), null, String(address));
  }
});
