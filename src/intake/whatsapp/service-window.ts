/** WhatsApp's customer service window: free-form messages only within 24 hours of the customer's last message. */
export const SERVICE_WINDOW_MS = 24 * 3_600_000;

export type WindowState = { open: true; closesAt: Date } | { open: false; closedAt: Date | null };

/** Whether a free-text reply may go out now, given when the customer last wrote on WhatsApp. */
export function serviceWindow(lastCustomerMessageAt: Date | null, now: Date): WindowState {
  if (!lastCustomerMessageAt) return { open: false, closedAt: null };
  const closes = new Date(lastCustomerMessageAt.getTime() + SERVICE_WINDOW_MS);
  return closes.getTime() > now.getTime() ? { open: true, closesAt: closes } : { open: false, closedAt: closes };
}

/** The short acknowledgement on WhatsApp: the case reference and when they hear from us, in their language. */
export function whatsappAcknowledgement(language: string | null, ref: string, when: string, team: string): { body: string; language: 'nl' | 'en' } {
  if (language === 'en') return { language: 'en', body: `Thank you for your message. It is case ${ref}; you will hear from us by ${when} at the latest. — ${team}` };
  return { language: 'nl', body: `Dank u voor uw bericht. Het heeft nummer ${ref}; u hoort uiterlijk ${when} van ons. — ${team}` };
}
