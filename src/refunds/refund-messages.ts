// What the customer is told about their refund, in their language (Dutch unless English). Plain,
// with the amount, and no new commitment in the words (the reply's promise finder reads them).
import { formatMoney } from './money.ts';

export interface RefundText {
  name: string | null;
  amountCents: number;
  currency: string;
  language: string | null;
  caseRef: string;
}

const greet = (t: RefundText, en: boolean) => (en ? `Dear ${t.name || 'customer'},` : `Beste ${t.name || 'klant'},`);

export function rejectionText(t: RefundText, reason: string): string {
  const en = t.language === 'en';
  const amount = formatMoney(t.amountCents, t.currency, t.language);
  return en
    ? `${greet(t, en)}\n\nI am sorry: we cannot refund ${amount} (case ${t.caseRef}).\nThe reason: ${reason}\n\nIf you think we are wrong, simply reply to this message and a colleague will look at it again. Thank you for your patience.`
    : `${greet(t, en)}\n\nHet spijt me: wij kunnen ${amount} niet terugbetalen (zaak ${t.caseRef}).\nDe reden: ${reason}\n\nDenkt u dat wij ons vergissen? Antwoord dan op dit bericht, dan kijkt een collega er opnieuw naar. Dank u wel voor uw geduld.`;
}

const whereTo = (en: boolean, destination: 'iban' | 'original_payment', iban: string | null) =>
  destination === 'iban' && iban
    ? (en ? `to the account ending in ${iban.slice(-4)}` : `naar de rekening die eindigt op ${iban.slice(-4)}`)
    : (en ? 'back to the payment method you paid with' : 'terug naar de manier waarop u betaalde');

export function paidText(t: RefundText, destination: 'iban' | 'original_payment', iban: string | null): string {
  const en = t.language === 'en';
  const amount = formatMoney(t.amountCents, t.currency, t.language);
  const where = whereTo(en, destination, iban);
  return en
    ? `${greet(t, en)}\n\nWe have refunded ${amount} ${where} (case ${t.caseRef}). I am sorry for the trouble, and thank you for your patience.`
    : `${greet(t, en)}\n\nWij hebben ${amount} teruggestort ${where} (zaak ${t.caseRef}). Excuses voor het ongemak, en dank u wel voor uw geduld.`;
}

/** For a bulk refund: the customer's own amount (and where it goes, when known), said before it is paid. */
export function bulkRefundText(t: RefundText, problemTitle: string, to?: { destination: 'iban' | 'original_payment'; iban: string | null }): string {
  const en = t.language === 'en';
  const amount = formatMoney(t.amountCents, t.currency, t.language);
  const where = to ? ` ${whereTo(en, to.destination, to.iban)}` : '';
  return en
    ? `${greet(t, en)}\n\nWe found what went wrong: ${problemTitle}. I am sorry. Your refund of ${amount}${where} has been approved (case ${t.caseRef}); you will hear from us again when it has been paid. Thank you for telling us.`
    : `${greet(t, en)}\n\nWij hebben gevonden wat er misging: ${problemTitle}. Het spijt me. Uw terugbetaling van ${amount}${where} is goedgekeurd (zaak ${t.caseRef}); u hoort van ons zodra het bedrag is overgemaakt. Dank u wel dat u het ons liet weten.`;
}
