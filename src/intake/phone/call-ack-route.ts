import type { WhatsAppTemplate } from '../doors/connections.ts';
import type { WhatsAppTemplateUse } from '../whatsapp/queue-whatsapp.ts';
import { shouldAcknowledge } from '../acknowledgement-text.ts';
import { serviceWindow } from '../whatsapp/service-window.ts';

/** What is known of a caller's other doors when a call asks for a callback (read by acknowledge-call.ts). */
export interface CallerReach {
  language: 'nl' | 'en';
  /** WhatsApp is connected for the account (switched on, with an access token and a number id) */
  whatsappConnected: boolean;
  /** when the caller last wrote to us on WhatsApp from the calling number; null: never (not a known WhatsApp identity) */
  whatsappLastInbound: Date | null;
  /** the account's approved templates: one marked for callbacks may go outside the 24-hour window */
  templates: WhatsAppTemplate[];
  /** acknowledgements to this WhatsApp number in the last hour */
  whatsappSentLastHour: number;
  /** the caller's e-mail address when they have one, with what the e-mail acknowledgement rules look at */
  email: { address: string; role: string | null; own: boolean; bouncing: boolean; sentLastHour: number } | null;
  perHour: number;
  now: Date;
}

export type CallAckRoute =
  | { via: 'whatsapp'; template: WhatsAppTemplateUse | null }
  | { via: 'email'; to: string }
  | { via: 'none'; reasons: string[] };

/** The approved template marked for callback confirmations in the caller's language (nl, or en / en_US / en_GB). */
export function callbackTemplate(templates: WhatsAppTemplate[], language: 'nl' | 'en'): WhatsAppTemplate | null {
  const marked = templates.filter((t) => t.use === 'callback');
  return marked.find((t) => t.language === language) ?? marked.find((t) => t.language.split('_')[0] === language) ?? null;
}

/**
 * How to tell a caller that we call back (there is no SMS channel): on WhatsApp when the calling
 * number has written to us there — free text inside the 24-hour service window, outside it only an
 * approved template marked for callbacks; else by e-mail when the caller has an address, under the
 * same rules as every acknowledgement (never a role or own address, never a bouncing one, at most a
 * few an hour); else nobody is told, with the reasons for the agents' note (in Dutch, like other
 * system notes).
 */
export function chooseCallAck(r: CallerReach): CallAckRoute {
  const reasons: string[] = [];
  if (r.whatsappLastInbound && r.whatsappConnected) {
    const window = serviceWindow(r.whatsappLastInbound, r.now);
    const template = window.open ? null : callbackTemplate(r.templates, r.language);
    if (r.whatsappSentLastHour >= r.perHour) reasons.push(`al ${r.whatsappSentLastHour} bevestigingen via WhatsApp in het afgelopen uur`);
    else if (window.open) return { via: 'whatsapp', template: null };
    else if (template) return { via: 'whatsapp', template: { name: template.name, language: template.language } };
    else reasons.push('WhatsApp-venster van 24 uur gesloten en geen goedgekeurde terugbel-template ingesteld');
  } else if (r.whatsappLastInbound) {
    reasons.push('WhatsApp is niet (meer) gekoppeld');
  }
  if (r.email) {
    const decision = shouldAcknowledge({
      inboxAcknowledges: true,
      // the callback promise is new (a retry or a second call on the same promise is not acknowledged again)
      createdCase: true,
      automated: null,
      senderRole: r.email.role,
      senderIsInbox: r.email.own,
      bouncing: r.email.bouncing,
      sentLastHour: r.email.sentLastHour,
      perHour: r.perHour,
    });
    if (decision.send) return { via: 'email', to: r.email.address };
    reasons.push(`geen e-mail naar ${r.email.address} (${decision.reason})`);
  }
  if (!reasons.length) reasons.push('geen e-mailadres of WhatsApp bekend');
  return { via: 'none', reasons };
}

/** The note agents see on the case when the caller could not be told: "de beller kon niet worden geïnformeerd: …". */
export function unreachedNote(reasons: string[], phone: string): string {
  return `De beller (${phone}) kon niet worden geïnformeerd over het terugbellen: ${reasons.join('; ')}. Bel terug zoals beloofd.`;
}
