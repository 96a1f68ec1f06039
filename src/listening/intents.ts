import { foldForMatching } from '../text/normalise.ts';
import { asksMoneyBack } from './money-back.ts';

/**
 * What the customer wants, Dutch and English, by patterns on the folded text (lower case, no
 * diacritics). A message can have several intents ("Waarom is er twee keer afgeschreven? Ik wil
 * mijn geld terug": question, complaint, refund_request). These rules catch what is said in so
 * many words; analyseMessage adds the message model's confident intents for the wordings no rule
 * lists (message-model/combine.ts). bench/analysis-eval.ts measures the whole on BANKING77, NLU++
 * and xSID, bench/message-model-eval.ts the model on held-out data.
 */
export type Intent = 'complaint' | 'question' | 'cancellation' | 'refund_request' | 'opt_out';

export const INTENTS: readonly Intent[] = ['complaint', 'question', 'cancellation', 'refund_request', 'opt_out'];

const OPT_OUT = new RegExp(
  [
    // Dutch
    String.raw`\bniet (meer )?(echt )?geinteresseerd\b`,
    String.raw`\bgeen (enkele )?interesse\b`,
    String.raw`\b(bel|mail|app|sms|benader|contacteer) (me|mij|ons) (alsjeblieft |alstublieft |aub |svp )?(niet|nooit) meer\b`,
    String.raw`\bniet meer (gebeld|gemaild|benaderd|lastig ?gevallen|ge-?sms't)( te)? (worden|willen)\b`,
    String.raw`\b(wil|willen) niet (meer )?(gebeld|gemaild|benaderd)\b`,
    String.raw`\bstop (nu )?(met|eens met) (bellen|mailen|e-?mailen|sms'?en|appen|sturen|benaderen|spammen)\b`,
    String.raw`\b(haal|verwijder|schrap) (me|mij|ons|mijn (gegevens|nummer|e-?mail(adres)?|adres)) (uit|van) (jullie |uw |de |het )?(lijst|bestand|mailinglijst|bellijst|database|systeem|verzendlijst)`,
    String.raw`\b(uitschrijven|afmelden|uitgeschreven|afgemeld)\b.{0,40}\b(nieuwsbrief|mailing|mails|e-?mails|reclame|lijst)\b`,
    String.raw`\b(nieuwsbrief|mailing|mailings|reclame)\b.{0,40}\b(opzeggen|stopzetten|uitschrijven|afmelden|stoppen)\b`,
    String.raw`\bgeen (reclame|mails|e-?mails|nieuwsbrieven|berichten|telefoontjes) meer\b`,
    String.raw`\bbel-?me-?niet\b`,
    // English
    String.raw`\bunsubscribe\b`,
    String.raw`\bnot (really )?interested\b`,
    String.raw`\bstop (calling|emailing|e-mailing|mailing|texting|messaging|contacting|spamming|sending)\b`,
    String.raw`\b(remove|take) (me|my (details|number|email|e-mail|address)) (off|from) (your|the|this) (list|mailing list|database|call list)`,
    String.raw`\b(do not|don't|dont|never) (call|contact|email|e-mail|text|phone) (me|us) (again|anymore|any more)?`,
    String.raw`\bopt(ing)?[- ]?out\b`,
    String.raw`\bno (more )?(marketing|promotional|spam) (emails|calls|messages)\b`,
  ].join('|'),
);

const REFUND = new RegExp(
  [
    String.raw`\b(mijn |het |ons |m'n )?geld (terug|retour)\b`,
    String.raw`\bterug ?(betalen|betaling|betaald|storten|gestort|storting|boeken|geboekt|boeking)\b`,
    String.raw`\bterug(betaal|betaalt|betalen|betaling|betalingen|gestort|storten|storting|boeken|geboekt|boeking)\b`,
    String.raw`\b(restitutie|restitueren|creditering|crediteren|creditnota|storneren|stornering|schadevergoeding|compensatie|vergoeding)\b`,
    String.raw`\brefund(s|ed|ing)?\b`,
    String.raw`\breimburse(d|ment)?\b`,
    String.raw`\bmoney back\b`,
    String.raw`\bcharge ?back\b`,
    String.raw`\bcompensat(e|ion)\b`,
    String.raw`\b(return|give back|pay back|credit back) (my|the) (money|payment|funds)\b`,
    String.raw`\b(give|want|need|get) (me )?(back )?my money( back)?\b`,
    String.raw`\breverse(d)? (the |this |that |a )?(charge|fee|payment)\b`,
  ].join('|'),
);

// "my subscription was cancelled" is something done to the customer (a complaint, maybe),
// not a wish to cancel: passive forms are removed before this is tested.
const CANCEL = new RegExp(
  [
    String.raw`\b(opzeggen|opzegging|opgezegd|opzeg|zeg (ik )?(\w+ ){0,3}op)\b`,
    String.raw`\b(annuleren|annulering|annuleer|geannuleerd)\b`,
    String.raw`\b(beeindigen|beeindiging|stopzetten|stop ?zetten|ontbinden|ontbinding|herroepen|herroeping|herroepingsrecht)\b`,
    String.raw`\b(abonnement|contract|lidmaatschap|account|overeenkomst|bestelling|order)\b.{0,40}\b(stoppen|stop|opheffen|afsluiten|sluiten|verwijderen|beeindigen)\b`,
    String.raw`\b(stoppen|stop|opheffen) (met |van )?(mijn |het |ons |de )?(abonnement|contract|lidmaatschap|account)\b`,
    String.raw`\bcancel(l?ing|l?ed|lation)?\b`,
    String.raw`\b(terminate|terminating|termination|close|closing|end|ending|quit|leave|delete|deleting|stop)\b.{0,25}\b(my|the|our|this|that|a|all (of )?my) (\w+ )?(account|accounts|subscription|membership|contract|plan|service|mortgage|loan|direct debit|standing orders?)\b`,
    String.raw`\b(stop|revoke|reverse|revert|undo|recall)\b.{0,20}\b(transfer|transaction|payment|order|purchase|subscription|membership|direct debit)\b`,
    String.raw`\b(terugdraaien|ongedaan maken|intrekken)\b`,
  ].join('|'),
);
const PASSIVE_CANCEL = /\b(is|was|were|been|being|get|gets|got|getting|showing as|shows as|werd|wordt|zijn|werden)( \w+)? (geannuleerd|opgezegd|cancell?ed|terminated|beeindigd)\b/g;
const NEWSLETTER = /\b(nieuwsbrief|nieuwsbrieven|newsletter|mailing ?list|mailings?|reclame)\b/;

// Subject-drop is common in Dutch and English messages ("Heb al drie keer gebeld", "Have been
// waiting for weeks"), so an opening verb makes a question only when a subject follows it.
const SUBJECT_NL = String.raw`(u|je|jij|jullie|ik|we|wij|het|er|dit|dat|deze|die|mijn|m'n|de|men|iemand|ze|zij|hij)`;
const SUBJECT_EN = String.raw`(i|you|we|they|he|she|it|there|my|the|this|that|your|someone|anyone|anybody|somebody)`;
const QUESTION_START = new RegExp(
  [
    String.raw`^(hoe|wanneer|waar|waarom|welke|welk|wie|hoeveel|hoelang)\b`,
    String.raw`^wat (?!een\b)`,
    String.raw`^(kunt|kun|kan|kunnen|mag|mogen|moet|moeten|heeft|hebben|hebt|heb|is|zijn|zal|zullen|zou|zouden|wordt|worden|klopt|weet|weten|bestaat|gaat|gaan|krijg|krijgt|krijgen)\s+${SUBJECT_NL}\b`,
    String.raw`^(how|when|where|why|which|who|whom|whose)\b(?! dare\b)`,
    String.raw`^what (?!a\b)`,
    String.raw`^(can|could|would|will|should|is|are|was|were|do|does|did|have|has|may|might|shall|am)\s+${SUBJECT_EN}\b`,
    String.raw`\b(ik vraag me af|ik wil (graag )?weten|graag zou ik willen weten|kunt u (mij )?(vertellen|laten weten|uitleggen)|ik heb een vraag|mijn vraag is)\b`,
    String.raw`\b(i was wondering|i would like to know|i'd like to know|can you (tell|explain|let me know)|could you (tell|explain|let me know)|i have a question|my question is)\b`,
  ].join('|'),
);

const COMPLAINT = new RegExp(
  [
    String.raw`\b(klacht|klachten|klagen|klaag|beklag|ontevreden|teleurgesteld|ongenoegen)\b`,
    String.raw`\b(te ?veel|dubbel|twee ?keer|2 ?x)( (?:[^.!?\n]|\.(?=\d)){0,25})? (betaald|afgeschreven|gerekend|in rekening|gefactureerd|geincasseerd)`,
    String.raw`\bonterecht\b|\bten onrechte\b`,
    String.raw`\bniet (ontvangen|geleverd|bezorgd|aangekomen|gekregen|teruggebeld|nagekomen|opgelost)\b`,
    String.raw`\b(nog steeds|nog altijd|alweer|wederom) (niet|geen|niks|niets)\b`,
    String.raw`\b(werkt|doet het|functioneert) (\w+ )?(niet|nooit)\b`,
    String.raw`\b(kapot|defect|beschadigd|stuk gegaan|storing|storingen|fout|fouten|foutmelding|verkeerd|verkeerde|zoekgeraakt)\b`,
    String.raw`\bgeen (reactie|antwoord|gehoor|bericht)\b`,
    String.raw`\blukt (het |me |mij )?(\w+ )?niet\b|\bkan (\w+ )?niet (inloggen|betalen|bestellen|openen|gebruiken|pinnen|opladen|overmaken|bereiken)\b`,
    String.raw`\b(geweigerd|afgewezen|geblokkeerd)\b|\b(problemen|probleem|gedoe) met\b`,
    String.raw`\b(complain|complaint|complaints|complaining|dissatisfied|disappointed|unhappy|unacceptable)\b`,
    String.raw`\b(overcharged|double[- ]charged|(charged|billed|debited)( (?:[^.!?\n]|\.(?=\d)){0,25})? (twice|double|two times|again))\b`,
    String.raw`\b(never|not|haven't|hasn't|didn't) (arrived|received|delivered|got|get|come|came|shown up|showed up)\b`,
    String.raw`\b(still|yet) (not|no|haven't|hasn't|waiting)\b`,
    String.raw`\b(doesn't|does not|isn't|is not|not|stopped) work(ing)?\b|\bbroken\b|\bfaulty\b|\bdefective\b|\bdamaged\b`,
    String.raw`\b(wrong|incorrect|mistake|error|missing)\b`,
    String.raw`\bno (response|reply|answer)\b`,
    String.raw`\b(can't|cant|cannot|unable to|not able to) (log ?in|access|withdraw|pay|use|open|see|make|top up|transfer|connect|sign in)\b`,
    String.raw`\b(didn't|did not|hasn't|has not|won't|will not) (go|gone) through\b|\bout of order\b|\b(declined|rejected)\b`,
    String.raw`\b(isn't|is not|not|won't|aren't|are not) show(ing)?( up)?\b|\bstill pending\b`,
    String.raw`\b(having|have|had|got) (some |a lot of |many )?(issues|problems|trouble)\b`,
  ].join('|'),
);

export interface IntentContext {
  /** sentiment -1..1 of the same message: clearly negative text is a complaint */
  sentiment: number;
  /** foldForMatching(text), when the caller has it already */
  folded?: string;
}

export function detectIntents(text: string, context: IntentContext): Intent[] {
  const folded = context.folded ?? foldForMatching(text);
  const out: Intent[] = [];
  const complaint = COMPLAINT.test(folded) || context.sentiment <= -0.35;
  if (complaint) out.push('complaint');
  if (isQuestion(text, folded)) out.push('question');
  const active = folded.replace(PASSIVE_CANCEL, ' ');
  const optOut = OPT_OUT.test(folded);
  if (CANCEL.test(active) && !(optOut && NEWSLETTER.test(folded))) out.push('cancellation');
  if (REFUND.test(folded) || asksMoneyBack(folded)) out.push('refund_request');
  if (optOut) out.push('opt_out');
  return out;
}

/** A question mark, or a sentence that opens like a question ("Kunt u ...", "How do I ..."). */
function isQuestion(text: string, folded: string): boolean {
  if (text.includes('?')) return true;
  for (const sentence of folded.split(/(?<=[.!\n])\s*/)) if (QUESTION_START.test(sentence.trim())) return true;
  return false;
}
