// What a promise is about, from the words of its clause (or its label): a call, an update, an answer, money back,
// a visit or delivery — else `custom` (a fix, a shipment, a document). The order decides when several fit:
// "we bellen u morgen met een update" is a callback, "u krijgt morgen een update over de terugbetaling" an update,
// "u hoort vrijdag of u geld terugkrijgt" an answer, "u ontvangt de creditnota per e-mail" a refund.
import type { Language } from './time-phrases.ts';

export type PromiseKind = 'callback' | 'appointment_window' | 'answer_by' | 'refund_by' | 'next_update_by' | 'custom';

interface KindCues {
  callback: RegExp;
  update: RegExp;
  /** words that name the answer itself ("antwoord", "laat u weten", "hear from us") */
  answer: RegExp;
  refund: RegExp;
  /** something sent off ("verstuurd", "gaat de deur uit", "dispatched", "emailed"): a shipment, not a visit */
  shipment: RegExp;
  /** a visit, a delivery or a pick-up: an appointment when a day, a part of it or a window is given */
  visit: RegExp;
  /** a message of any kind ("mail", "bericht", "letter"): an answer when nothing more specific is said */
  message: RegExp;
}

const NL: KindCues = {
  // "bel" as a verb ("ik bel u", "bel ik u"), not the doorbell ("een bel bij de deur")
  callback: /\b(?:terug)?bel(?:t|len|de|den)\b|\bterugbel\b|\bbel\s+(?:ik|we|wij|u|je|jou|hem|haar)\b|\b(?:ik|we|wij)\s+bel\b|\bbel\b.*\bterug\b|\b(?:terug)?gebeld\b|\bterugbel\w*|\bbel(?:afspraak|moment)\w*|\btelefo\w+|\b(?:belletje|telefoontje)\b/i,
  update: /\bupdate\w*|\bstatus\w*|\bvolgend\w*\s+(?:contact|bericht)\b|\bstand\s+van\s+zaken\b|\bvoortgang\b|\bop\s+de\s+hoogte\b|\bbij(?:ge)?praat\w*|\bhoe\s+(?:\S+\s+){0,8}?(?:staat|verloopt|ervoor\s+staat)\b|\bnieuw(?:e|s)?\s+(?:bericht|informatie|stand)\b|\bnieuws\b|\btussenstand\b|\bopnieuw\b|\b(?:ge)?[iï]nform\w+|\binformeer\w*/i,
  answer: /\bantwoord\w*|\bbeantwoord\w*|\breactie\b|\breageer\w*|\breageren\b|\bbesluit\b|\bbeslis\w*|\buitsluitsel\b|\buitkomst\b|\buitslag\b|\boordeel\b|\bterugkoppeling\b|\bbeoordeeld\b|\bla(?:at|ten)\s+(?:\S+\s+){0,6}?weten\b|\bweten\s+laten\b|\bhoort\b|\bhoren\b|\bkom(?:en|t)?\b(?:\s+\S+){0,10}?\s+(?:op\s+)?terug\b|\bcontact\w*|\bofferte\b|\boverzicht\b|\bmee(?:ge)?deeld\b|\bmedegedeeld\b|\bvoorstel\b|\bbevestig\w*|\b(?:af)?(?:ge)?handeld\b|\bbehandeld\b|\bafhandel\w*/i,
  refund: /\bterug(?:ge)?(?:stort|betaal|boek|geboekt|gestort|betaald|gezet|zet|gave|gegeven|krijg)\w*|\b(?:stort|storten|gestort|boek|boeken|betalen|betaal|zet|zetten|krijgt|krijg|heeft|hebt|ontvangt|geven|geeft|maken|maak)\b(?:\s+\S+){0,8}?\s+(?:terug|retour)\b|\brestitu\w*|\b(?:ge)?credite(?:er|ren|ert|erd)\w*|\bgecrediteerd\b|\bcredit(?:nota|ering)\b|\bvergoed\w*|\b(?:schade)?vergoeding\b|\buit(?:ge)?betaal\w*|\buitbetaling\b|\bterugbetaling\b|\bteruggave\b|\bgeld\s+terug\b|\bverreken\w*|\b(?:bel)?tegoed\b|\bborg\b|\bcompensatie\b|\bbijgeschreven\b|\bovermaken\b|\bovergemaakt\b|\bmaken\b.*\bover\b|\bop\s+(?:uw|je)\s+(?:bank)?rekening\b|\bop\s+(?:uw|je)\s+(?:account|kaart|pas|saldo)\b|\brekeningnummer\b|\biban\b|(?:€|£|\$)\s?\d|\b\d+(?:[.,]\d+)?\s?(?:euro|eur)\b|\b(?:bedrag|restant|geld|saldo)\b|\bdraai\w*\b.*\bterug\b|\bteruggedraaid\b|\bterugdraaien\b/i,
  shipment: /\bverstuurd\b|\bverzonden\b|\b(?:terug|op)gestuurd\b|\bde\s+deur\s+uit\b|\bverzend\w*|\bverstuur\w*|\bper\s+post\b|\bop\s+de\s+post\b/i,
  visit: /\b(?:monteur|technicus|technieker|installateur|loodgieter|glaszetter|elektricien|schilder|expert|schade-expert|\w*verpleegkundige|koerier|bezorger|chauffeur|vakman|stukadoor|timmerman|aannemer|hovenier|dakdekker|schoonmaker|ploeg)\b|\bbezorg\w*|\blever(?:ing|en|t|datum|moment)\w*|\b(?:af)?geleverd\b|\bophal\w*|\bopgehaald\b|\b(?:haalt|halen)\b.*\bop\b|\blangs\b|\bbezoek\w*|\bafspraak\b|\btijdvak\b|\bgeplaatst\b|\bge[iï]nstalleerd\b|\baangesloten\b|\breparatie\b|\bherstelling\b|\bbij\s+(?:u|je)\b(?!\s+terug)|\b(?:voor|aan)\s+(?:uw|je)\s+deur\b|\bkom(?:t|en)\b(?!.*\b(?:terug|bericht|mail|e-mail|brief|factuur|update|antwoord|reactie)\b)/i,
  message: /\be-?mail\w*|\bmailt?\b|\bmailen\b|\bbericht\b|\bbrief\b|\bschrijv\w*|\bschriftelijk\b|\bsms\w*/i,
};

const EN: KindCues = {
  callback: /\b(?:call|ring|phone)(?:s|ed)?\b(?!\s+(?:round|over|by|in\b)|-)|\bcall\s*-?back\b/i,
  update: /\bupdate\w*|\bprogress\b|(?<!\bat\s)\bthe\s+latest\b|\bstatus\b|\bkeep\s+you\s+(?:posted|updated|informed|in\s+the\s+loop)\b|\bagain\b|\banother\b|\bfurther\s+news\b|\bnews\b|\bnext\s+(?:contact|message)\b/i,
  answer: /\banswer\w*|\brepl(?:y|ies)\b|\brespond\w*|\bresponse\b|\bdecision\b|\boutcome\b|\bverdict\b|\bhear\s+(?:back\s+)?from\b|\bget\s+back\s+to\b|\blet\s+you\s+know\b|\bin\s+touch\b|\bcontact(?:ed)?\b|\breviewed\b|\bquote\b|\bconfirm\w*|\bproposal\b|\bhandled\b|\bdealt\s+with\b/i,
  refund: /\brefund\w*|\breimburs\w*|\bmoney\s+back\b|\bcredit(?:ed)?\b|\brevers(?:ed|e)\b|\brepaid\b|\bpa(?:y|id)\s+(?:you\s+)?back\b|\bdeposit\b|\btop(?:ped)?\s+up\b|\bgoes\s+back\b|\bback\s+(?:in|on|to|into)\s+your\s+(?:account|card|bank)\b|\bcompensation\b|\bgoodwill\b|\b(?:reach(?:es|ed)?|to|into|on|in)\s+your\s+(?:account|card|bank|statement)\b|(?:£|€|\$)\s?\d|\b\d+(?:[.,]\d+)?\s?(?:pounds|euros?)\b/i,
  shipment: /\bdispatch\w*|\bship(?:ped|s)?\b|\bposted\b|\bsent\s+out\b|\bin\s+the\s+post\b|\be-?mailed\b/i,
  visit: /\b(?:engineer|technician|plumber|electrician|fitter|installer|courier|driver|nurse|crew|builder|decorator|gardener|cleaner)s?\b|\bdeliver\w*|\bcollect\w*|\bpick(?:ed)?\s*-?up\b|\bdrop\s+off\b|\bvisit\w*|\bappointment\b|\bslot\b|\bbooked\s+in\b|\bon\s+site\b|\bwith\s+you\b|\barriv\w*|\bcall\s+round\b|\bcome\s+(?:round|by|over|out)\b|\bat\s+your\s+door\b/i,
  message: /\be-?mail\w*|\bwrite\b|\bletter\b|\bmessage\b|\btext\b/i,
};

const CUES: Record<Language, KindCues> = { nl: NL, en: EN };

/**
 * The kind of a promise from its words. `visit` is only an appointment when the time gives one (a window, a
 * day, a part of a day or a clock time); a visit "uiterlijk vrijdag" or "binnen drie werkdagen" is a deadline.
 */
export function kindOf(clause: string, lang: Language, appointmentTime: boolean): PromiseKind {
  const c = CUES[lang];
  // "…, zoals in de bevestigingsmail stond", "…, as agreed by email": a trailing aside names nothing promised
  const text = clause.replace(/,\s*(?:zoals|as|like|which|zodat|so\s+that)\b.*$/i, '');
  if (c.callback.test(text)) return 'callback';
  if (c.update.test(text)) return 'next_update_by';
  if (c.answer.test(text)) return 'answer_by';
  if (c.refund.test(text)) return 'refund_by';
  if (c.shipment.test(text)) return 'custom';
  if (c.visit.test(text)) return appointmentTime ? 'appointment_window' : 'custom';
  if (c.message.test(text)) return 'answer_by';
  return 'custom';
}

/** the label of a labelled line names something we deliver, or an expected or planned moment */
const LABEL_NOUNS: Record<Language, RegExp> = {
  nl: /\b(?:verwacht\w*|gepland\w*|planning|eta|datum|oplossing|herstel\w*|klaar|beschikbaar|afhalen|levering|volgend\w*|nieuw\w*|wanneer)\b/i,
  en: /\b(?:expected|estimated|eta|scheduled|planned|due|date|fix|resolution|ready|available|next|new|when)\b/i,
};
/** labels that name the customer's deadline or a fact: "Uiterste betaaldatum: …", "Openingstijden: …", "Payment due: …" */
const LABEL_GUARDS: Record<Language, RegExp> = {
  nl: /\b(?:betaal\w*|vervaldatum|uiterste|deadline|openingstijden|openingsuren|geopend|gesloten|geldig\w*|contract\w*|aanvraag|ingediend|factuurdatum|ingangsdatum|einddatum|datum\s+van)\b|\bbetaling\b/i,
  en: /\b(?:payment|pay|deadline|opening|open|closed|valid\w*|contract|application|submitted|invoice\s+date|start\s+date|end\s+date|date\s+of)\b/i,
};

/** Is this label ("Volgende update", "Verwachte levering", "Refund due") one that names a promise? */
export function promiseLabel(label: string, lang: Language): boolean {
  if (LABEL_GUARDS[lang].test(label)) return false;
  const c = CUES[lang];
  return [c.callback, c.update, c.answer, c.refund, c.visit, LABEL_NOUNS[lang]].some((r) => r.test(label));
}
