import { findModelHits } from './model/find-hits.ts';
import { phrases, firstMatch } from './text-match.ts';

// the sure signs; the reply model (label stock_complaint) reads the rest by meaning
const SURE = phrases([
  'standaard ?(antwoord|antwoorden|mail|mails|mailtje|mailtjes|tekst|teksten|zin|zinnen|reactie|reacties|brief)', 'sjabloon\\p{L}*', 'copy[- ]?paste\\p{L}*', 'knip(- | en )plak\\p{L}*', 'voorgeprogrammeerd\\p{L}*', 'automatische? (antwoord|antwoorden|reactie|reacties|mail|mails)',
  '(echt|echte|een) mens', 'als een (robot|computer|bot)', 'hetzelfde (antwoord|mailtje|bericht|verhaal)',
  '(canned|template|templated|generic|boilerplate|scripted|automated|stock|form) (reply|replies|response|responses|answer|answers|email|emails|letter)', 'copy(-| and )paste\\p{L}*', '(actual|real) (human|person)', 'like a (bot|robot|machine)', 'same (reply|answer|response|email)',
]);

/** Did the customer complain that they get standard, canned answers? Read on what the customer wrote. */
export function complainsAboutStockReplies(customerText: string, language: 'nl' | 'en'): boolean {
  if (!customerText.trim()) return false;
  return !!firstMatch(customerText, SURE) || findModelHits('stock_complaint', customerText, language).length > 0;
}
