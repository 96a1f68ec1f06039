/**
 * Addresses that belong to a machine or a role, not to a person waiting for our answer: mail
 * daemons and postmasters, no-reply senders, mailing-list managers and their request/owner/bounce
 * addresses, VERP and BATV return paths. Intake never acknowledges them, whatever the mail says
 * (an acknowledgement to a list manager or a daemon is how mail loops start), and a bounce or a
 * list error from them is recognised more readily (automated.ts). The same classes as Sisimai's
 * and Zammad's sender checks and RFC 2142's role mailboxes, written for the local part alone.
 */

export type RoleKind = 'mail daemon' | 'postmaster' | 'no-reply' | 'list manager' | 'bounce handler';

const SEP = String.raw`[._+=-]?`;
const RULES: [RoleKind, RegExp][] = [
  ['mail daemon', new RegExp(String.raw`^(?:mailer${SEP}daemon|mail${SEP}daemon|maildaemon|mdaemon|mailerdaemon|smtp${SEP}daemon|mail${SEP}delivery(?:${SEP}(?:system|subsystem))?)$`, 'i')],
  ['postmaster', /^(?:postmaster|hostmaster|mailadmin|mail[._-]admin)$/i],
  // noreply, no-reply, no_reply, donotreply, do-not-reply, dontreply, and the same with a prefix or suffix
  // (noreply-orders, shop.noreply); Dutch, German, French, Spanish forms too
  ['no-reply', new RegExp(String.raw`(?:^|[._+=-])(?:no${SEP}reply|do${SEP}not${SEP}reply|dont${SEP}reply|no${SEP}response|niet${SEP}beantwoorden|geen${SEP}antwoord|antwoord${SEP}niet|nicht${SEP}antworten|keine${SEP}antwort|ne${SEP}pas${SEP}repondre|ne${SEP}pas${SEP}r[ée]pondre|no${SEP}responder|nao${SEP}responda)(?:$|[._+=-])`, 'i')],
  // list managers and their robot addresses: majordomo, listserv, mailman, ezmlm, sympa, lyris; list-request, list-owner,
  // owner-list, list-admin, list-bounces (and Mailman's VERP list-bounces+user=host)
  ['list manager', /^(?:majordomo|listserv|listproc|mailman|ezmlm|sympa|lyris|smartlist|list-?admin|list-?manager|list-?master)$|^owner-[\w.-]+$|-(?:request|owner|bounces?)(?:\+.*)?$/i],
  // bounce handlers and rewritten return paths: bounce@, bounces@, bounce-123@, bounces+abc@, BATV prvs=…=, SRS0=…
  ['bounce handler', /^(?:bounces?(?:$|[+=._-])|prvs=|btv1==|srs[01][=+-])/i],
];

/** What kind of role address this is, or null for an address a person may read. */
export function roleAddressKind(address: string | null | undefined): RoleKind | null {
  if (!address) return null;
  const at = address.lastIndexOf('@');
  const local = (at < 0 ? address : address.slice(0, at)).trim();
  if (!local) return null;
  for (const [kind, re] of RULES) if (re.test(local)) return kind;
  return null;
}
