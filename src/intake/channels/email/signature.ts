/**
 * Pure: a mail's text with the inbox's signature under it, after the standard separator line
 * "-- " (RFC 3676 §4.3), so mail clients grey it out and leave it out of a quoted answer, and our
 * own intake strips it from the customer's reply. The signature in the message's language: Dutch
 * for nl, English otherwise; the other one when that is empty; none when both are.
 */
export function withSignature(body: string, inbox: { signature_nl: string; signature_en: string }, language: string | null | undefined): string {
  const nl = language === 'nl';
  const signature = (nl ? inbox.signature_nl || inbox.signature_en : inbox.signature_en || inbox.signature_nl).trim();
  if (!signature) return body;
  return `${body.replace(/\s+$/, '')}\n\n-- \n${signature}\n`;
}
