/** What the export holds, in Dutch and English, as the first file of the ZIP. */
export function exportReadme() {
  return {
    nl: 'Alle gegevens die Luister over deze klant bewaart (AVG art. 15 en 20): customer.json (klant, identiteiten, contactvoorkeuren, signalen, enquêtes), cases.json, messages.json (berichten: tekst en origineel, ook interne notities over de klant), promises.json, refunds.json (terugbetalingen en wat de boekhouding over hun afschrijvingen vond), audit.json (wat er met deze gegevens gebeurde) en de bijlagen in files/.',
    en: 'Everything Luister holds about this customer (GDPR art. 15 and 20): customer.json (customer, identities, contact preferences, signs, surveys), cases.json, messages.json (text and original, also internal notes about the customer), promises.json, refunds.json (refunds, and what the ledger found about their charges), audit.json (what was done with this data) and the attachments in files/.',
    format: 'JSON, UTF-8; times in ISO 8601 (UTC)',
  };
}
