/**
 * Delivery-failure reports that are not RFC 3464 multipart/report: the plain-text bounces that
 * older and odder mail software still writes (Lotus Domino, IMail, Apache James, Courier, Exchange
 * 2003, mobile-carrier gateways, qmail, Sendmail without DSN) and mailing-list managers' error
 * replies (Mailman, majordomo, LISTSERV, ezmlm). Recognised the way bounce parsers such as Sisimai
 * and bounce-handler do it: by the fixed template wording each product opens its report with,
 * looked for near the top of the body and before anything forwarded, never by one example's text.
 * Pure patterns; automated.ts decides with them.
 */

/** Template openings only delivery software writes, per class of product. */
const MTA_TEMPLATES: [string, RegExp][] = [
  ['Postfix', /this is the mail system at host\b|i'm sorry to have to inform you that your message could not/i],
  ['Exim', /this message was created automatically by mail delivery software/i],
  ['qmail', /\bthis is the qmail-send program at\b/i],
  ['Sendmail', /-{3,}\s*the following addresses? had (?:permanent )?fatal errors|-{3,}\s*transcript of session follows/i],
  ['Apache James', /this is the james mail server at\b|^error message below:\s*$[\s\S]{0,600}^message details:\s*$/im],
  ['MTA', /\bi(?:'m| am) afraid i (?:wasn't|was not) able to deliver your message\b/i],
  ['Lotus Domino', /^\s*was not delivered to:\s*$[\s\S]{0,400}^\s*because:\s*$|not listed in (?:the )?(?:domino directory|public name (?:&|and) address book)/im],
  ['IMail', /body of message generated response:|^\s*unknown user:\s*\S+@\S+\s*$[\s\S]{0,400}^\s*original message follows\.?\s*$/im],
  ['Exchange', /your message did not reach some or all of the intended recipients|delivery has failed to these recipients or (?:groups|distribution lists)|the following recipient\(s\) (?:cannot|could not) be reached|uw bericht heeft sommige of alle geadresseerden niet bereikt|de volgende geadresseerde\(n\) (?:kunnen|kon) niet worden bereikt|ihre nachricht hat einige oder alle empfänger nicht erreicht|folgende empfänger konnten nicht erreicht werden|votre message n'a pas pu être remis à certains destinataires|su mensaje no llegó a algunos o a todos los destinatarios/i],
  ['Courier', /running the courier mail server|your message to the following recipients cannot be delivered/i],
  ['DSN text', /this is an automatically generated delivery status notification|^\s*delivery to the following recipients? (?:failed|has failed)(?: permanently)?[.:]?\s*$/im],
  ['carrier gateway', /the user\(s\) account is (?:disabled|temporarily (?:limited|over quota))|each of the following recipients was rejected by a remote mail server|(?:message|sms|mms|text message) could not be delivered to the (?:mobile|handset|subscriber|phone)\b/i],
  ['webmail', /sorry,? we were unable to deliver your message to the following address/i],
  ['NDR', /this report relates to a message you sent with the following header fields|your message cannot be delivered to the following recipients|this message was undeliverable due to the following reason|unable to deliver (?:your )?message to the following (?:addresses|address|recipients?)\b/i],
];

/** Mailing-list managers answering that a post was refused or a command not understood. */
const LIST_ERRORS: [string, RegExp][] = [
  ['Mailman', /your message to the .{1,80} mailing list has been rejected|post by non-member to a members-only list|you are not allowed to post to this (?:mailing )?list|your (?:message|mail) to .{1,80} is being held until the list moderator/i],
  ['majordomo', /^\*{4} (?:command '.{0,60}' not recognized|no valid commands found|commands must be in message body)/im],
  ['ezmlm', /\bthis is the ezmlm program\b/i],
  ['list manager', /your message to \S+ (?:could not be|was not|has not been) (?:delivered|posted|distributed|accepted)|\bcould not be posted\b|\bwas not distributed\b|you are not (?:a member|subscribed) (?:of|to) (?:this|the) (?:mailing )?list|only accepts (?:mail|posts|messages) from (?:subscribers|members)/i],
];

/** Where something forwarded or quoted starts: a template below it belongs to what the sender forwards. */
const FORWARDED = /^[ \t>]*(?:-{2,}[^\n]*(?:forward|doorgestuurd|weitergeleitet|transféré|reenviado|inoltrato|original message|oorspronkelijk bericht|ursprüngliche nachricht)|begin (?:forwarded message|doorgestuurd bericht)|anfang der weitergeleiteten nachricht)/im;

/** Only the top of a report is read: a bounce says what it is at once. */
const HEAD = 4000;

function first(rules: [string, RegExp][], text: string): string | null {
  const head = text.slice(0, HEAD);
  const cut = head.search(FORWARDED);
  const own = cut < 0 ? head : head.slice(0, cut);
  for (const [name, re] of rules) if (re.test(own)) return name;
  return null;
}

/** The product whose bounce template opens this text, or null. */
export const mtaTemplate = (text: string): string | null => first(MTA_TEMPLATES, text);
/** The list manager whose error reply this is, or null. */
export const listError = (text: string): string | null => first(LIST_ERRORS, text);

/**
 * Wording of a failed delivery in a few languages. Weak on its own (a customer writes "my mail could
 * not be delivered" too): only ever counted beside machine evidence, a role sender or a status code.
 */
export const FAILURE_WORDING = /undeliver|(?:could|can)(?:n't| ?not) be (?:delivered|posted)|was not (?:delivered|distributed)|not be posted|delivery (?:has )?failed|failed to deliver|unable to deliver|permanent (?:error|failure)|fatal error|user unknown|unknown user|no such (?:user|mailbox)|mailbox (?:unavailable|is full|full|not found)|over quota|rejected|niet (?:worden )?bezorgd|niet bereikt|onbestelbaar|unzustellbar|nicht erreicht|nicht zugestellt|returned mail|non remis|no se pudo entregar/i;

/** Display names that delivery software signs with; like postmaster@, only counted with backing. */
export const DAEMON_NAME = /^(?:mail delivery (?:system|subsystem|service)|mail administrator|mail router|mailer[- ]daemon|internet mail delivery|delivery (?:status )?(?:service|notification)|system administrator|systeembeheerder|systemadministrator)$/i;

/** A person answering or forwarding: "Re:", "Fwd:", "AW:", "WG:", "TR:", "Doorst:", "Antw:". */
export const REPLY_OR_FORWARD = /^\s*(?:re|fwd?|fw|aw|wg|tr|rv|enc|doorst|antw|sv|vs)\s*:/i;
