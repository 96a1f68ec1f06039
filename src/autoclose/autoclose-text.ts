/**
 * The reminder and the closing message, in the customer's language (Dutch unless the case or the
 * customer speaks English). Short and plain: they go through the normal reply path and its checks. Pure.
 */
export function autoCloseText(step: 'remind' | 'close', language: string | null, o: { ref: string; closeInDays: number }): { body: string; language: 'nl' | 'en' } {
  const en = Boolean(language?.startsWith('en'));
  if (step === 'remind') {
    return en
      ? { language: 'en', body: `Hello,\n\nWe are still waiting for your answer on ${o.ref}. Could you let us know how things are? Just reply to this message.\nIf we do not hear from you within ${o.closeInDays} days, we will consider your question resolved; you can always reply to reopen it.\n` }
      : { language: 'nl', body: `Goedendag,\n\nWij wachten nog op uw antwoord over ${o.ref}. Wilt u ons laten weten hoe het ervoor staat? U kunt gewoon op dit bericht reageren.\nAls wij binnen ${o.closeInDays} dagen niets van u horen, beschouwen wij uw vraag als afgehandeld; u kunt altijd reageren om hem weer te openen.\n` };
  }
  return en
    ? { language: 'en', body: `Hello,\n\nWe have not heard from you about ${o.ref}, so we consider your question resolved. If you still need help, just reply to this message and we will pick it up again.\n` }
    : { language: 'nl', body: `Goedendag,\n\nWij hebben niets meer van u gehoord over ${o.ref}, dus wij beschouwen uw vraag als afgehandeld. Heeft u nog hulp nodig? Reageer dan gewoon op dit bericht, dan pakken wij het weer op.\n` };
}
