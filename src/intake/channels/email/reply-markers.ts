// Per-language markers of quoted history and signatures in plain-text e-mail.
// The patterns started from those of email-reply-parser (MIT, crisp-oss) and were rewritten to be
// stricter about false positives ("Van: Amsterdam naar Utrecht", "On Monday I called you") and wider
// in languages. Dutch first. Every function here looks at one line or one short window of lines;
// the decisions about where the reply ends live in strip-reply.ts.

/** Lines are compared after this: no NBSP, no bidi marks (Windows Mail), no trailing blanks. */
export function normaliseLine(line: string): string {
  return line.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f\u200b\ufeff]/g, '').trimEnd();
}

// ---- attribution lines: "On <date>, <name> wrote:" and its translations -------------------------

/** Verbs that end an attribution ("… wrote:"), Dutch first. */
const WROTE_AT_END = [
  'schreef', 'het volgende geschreven', 'geschreven',
  'wrote', 'writes', 'has written',
  'schrieb', 'geschrieben', 'a écrit', 'écrit', 'ha scritto', 'scritto', 'escribió', 'escribio', 'escreveu',
  'skrev', 'kirjoitti', 'napisał\\(a\\)', 'napisała', 'napisał', 'napisal', 'pisze', 'írta', 'napsal\\(a\\)', 'napsala', 'napsal',
  'написал\\(а\\)', 'написала', 'написал', 'пишет', 'yazdı', 'a scris', '写道', '寫道', '작성', 'のメッセージ',
].join('|');
const VERB_AT_END = new RegExp(`(?:^|[\\s>"')\\]])(?:${WROTE_AT_END})\\s*[:：]\\s*-*$`, 'iu');
/** English without the colon: "On Wed, 14 Nov 2018 … wrote" and Zoho's "---- On … wrote ----". */
const ON_WROTE_NO_COLON = /^-*\s*On\s.*\bwrote\s*-*$/iu;
/** Verbs followed by the name: "Op … schreef Jan <jan@example.nl>:", "Am … schrieb Hans:", "… skrev Per <…>:", Arabic "كتب", Hebrew "מאת" (from). */
const VERB_THEN_NAME = /(?:^|\s)(?:schreef|schrieb|skrev|escribió|كتب|מאת)\s(.{0,160})[:：]$/iu;
/** The name first, then the verb and the date: "Jan <jan@x.nl> wrote on Wed, 4 Mar 2026 09:00:", "Hans schrieb am Mi., …:". */
const VERB_THEN_DATE = /\s(?:wrote|schreef|schrieb|a écrit|escribió|ha scritto|escreveu|skrev|kirjoitti)\s+(?:on|op|am|le|el|il|em|den|på)\s.{4,120}[:：]$/iu;
/** Chinese and Japanese attach the verb to the date without a space: "Jan <j@x.cn> 于2026年3月4日 09:00写道：". */
const CJK_VERB_AT_END = /(?:写道|寫道|のメッセージ|님이 작성|작성)\s*[:：]\s*$/u;
/** No verb at all: "30.09.2017, 18.30, "Jan" <jan@example.nl>:", "ср, 30 апр. 2025 г. в 15:19, Jan <j@x.ru>:" */
const ADDRESS_THEN_COLON = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+[>)\]"]{0,3}\s*[:：]$/u;
const TIME_OR_DATE = /\b\d{1,2}[:.]\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/u;
/** The verb-less form starts with the date: "30.09.2017, …", "Wednesday, 17 November …", "ср, 30 апр. …". */
const STARTS_WITH_DATE = /^(?:\p{L}{2,12}\.?,?\s+)?\d/u;
/** Clients never write in the first person; a customer retelling does: "Op 3 november schreef ik jullie:". */
const FIRST_PERSON = /\b(?:I|ik|ich|jeg|jag)\s+(?:wrote|schreef|schrieb|skrev)\b|\b(?:schreef|schrieb|skrev)\s+(?:ik|ich|jeg|jag)\b|\bj'ai écrit\b/iu;
/** How a line that starts an attribution may begin: "On", "Op", "Am", "Le", a weekday + digit, a digit. */
export const ATTRIBUTION_OPENER =
  /^(?:-{2,}\s*)?(?:on|op|am|le|il|in data|el|em|w dniu|dnia|den|på|\p{L}{2,3}\.?,?\s+\d+|\d+)(?:\s|$|[.,:/-])/iu;

/** Does this window (1–3 physical lines joined by spaces) form a complete attribution line? */
export function isAttribution(window: string): boolean {
  const w = normaliseLine(window).trim();
  if (w.length < 8 || w.length > 400) return false;
  if (!(w.includes('@') || TIME_OR_DATE.test(w)) || FIRST_PERSON.test(w)) return false;
  if (VERB_AT_END.test(w) || ON_WROTE_NO_COLON.test(w) || CJK_VERB_AT_END.test(w) || VERB_THEN_DATE.test(w)) return true;
  const named = VERB_THEN_NAME.exec(w);
  if (named && (named[1].includes('@') || named[1].length <= 40)) return true;
  return ADDRESS_THEN_COLON.test(w) && TIME_OR_DATE.test(w) && STARTS_WITH_DATE.test(w);
}

// ---- separators: "-----Oorspronkelijk bericht-----", "Begin doorgestuurd bericht:" ----------------

const SEPARATOR_PHRASES = [
  'oorspronkelijk bericht', 'oorspronkelijk e-mailbericht', 'origineel bericht', 'doorgestuurd bericht',
  'original message', 'forwarded message', 'ursprüngliche nachricht', 'originalnachricht', 'weitergeleitete nachricht',
  "message d'origine", 'message original', 'message transféré', 'messaggio originale', 'messaggio inoltrato',
  'mensaje original', 'mensaje reenviado', 'mensagem original', 'mensagem encaminhada', 'oprindelig besked',
  'oprindelig meddelelse', 'videresendt besked', 'videresendt meddelelse', 'opprinnelig melding', 'videresendt melding',
  'ursprungligt meddelande', 'vidarebefordrat meddelande', 'alkuperäinen viesti', 'välitetty viesti',
  'wiadomość oryginalna', 'oryginalna wiadomość', 'przekazana wiadomość', 'původní zpráva', 'přeposlaná zpráva',
  'исходное сообщение', 'пересылаемое сообщение', 'пересланное сообщение',
  // Chinese (simplified, traditional), Japanese, Korean clients
  '原始邮件', '原始郵件', '原邮件', '原郵件', '转发邮件', '轉寄郵件', '转发的邮件', '元のメッセージ', '転送メッセージ', '転送されたメッセージ',
  '원본 메시지', '전달된 메시지', '원본 메일', '전달 메일',
].join('|');
const DASHED_SEPARATOR = new RegExp(`^[\\s*_=~-]*[-_=]{2,}\\s*(?:${SEPARATOR_PHRASES})\\s*[-_=*~:]*$`, 'iu');
/** Apple Mail and others: a phrase that ends with a colon, no dashes. */
const BEGIN_FORWARD = new RegExp(
  '^(?:begin doorgestuurd bericht|doorgestuurd bericht|begin forwarded message|forwarded message' +
    '|anfang der weitergeleiteten nachricht|début du message réexpédié|message transféré' +
    '|inizio messaggio inoltrato|comienzo del mensaje reenviado|início da mensagem reencaminhada' +
    '|videresendt besked|vidarebefordrat brev|välitetty viesti)\\s*[:：]$',
  'iu',
);

export function isHistorySeparator(line: string): boolean {
  const l = normaliseLine(line).trim();
  return l.length <= 120 && (DASHED_SEPARATOR.test(l) || BEGIN_FORWARD.test(l));
}

// ---- header blocks: "Van: / Verzonden: / Aan: / Onderwerp:" ------------------------------------------

export type HeaderKind = 'from' | 'sent' | 'to' | 'cc' | 'subject';
// Outlook and webmail in Chinese (simplified, traditional), Japanese and Korean write their own keys too:
// "发件人: / 发送时间: / 收件人: / 主题:", "差出人: / 送信日時: / 宛先: / 件名:", "보낸 사람: / 보낸 날짜: / 받는 사람: / 제목:".
const HEADER_KEYS: Record<HeaderKind, string> = {
  from: 'van|from|von|de|da|fra|från|od|lähettäjä|от|feladó|remitente|kimden|发件人|發件人|寄件者|寄件人|差出人|送信者|보낸 사람|보낸사람|발신자',
  sent: 'verzonden|datum|sent|date|gesendet|envoyé le|envoyé|date d\'envoi|message du|inviato|data|enviado el|enviado|enviada em|enviada|fecha|sendt|dato|skickat|lähetetty|päivämäärä|wysłano|wysłane|отправлено|дата|elküldve|dátum|tarih|发送时间|發送時間|发送日期|寄件日期|日期|时间|時間|送信日時|送信日|日付|보낸 날짜|보낸날짜|날짜',
  to: 'aan|to|an|à|a|para|til|till|vastaanottaja|do|кому|címzett|kime|收件人|收件者|宛先|받는 사람|받는사람|수신자',
  cc: 'cc|kopie|copie à|copie|kopio|dw|копия|bcc|抄送|副本|참조',
  subject: 'onderwerp|subject|betreff|objet|sujet|oggetto|asunto|assunto|emne|ämne|aihe|temat|тема|tárgy|konu|主题|主題|主旨|件名|제목',
};
const HEADER_LINE = new RegExp(
  `^\\s*[*_]{0,2}(${Object.values(HEADER_KEYS).join('|')})[*_]{0,2}\\s*[:：]`,
  'iu',
);

/** Which header key starts this line, if any ("Verzonden: maandag …" → 'sent'). */
export function headerKind(line: string): HeaderKind | null {
  const m = HEADER_LINE.exec(normaliseLine(line));
  if (!m) return null;
  const key = m[1].toLowerCase();
  for (const [kind, keys] of Object.entries(HEADER_KEYS) as [HeaderKind, string][]) {
    if (keys.split('|').includes(key)) return kind;
  }
  return null;
}

// ---- mobile and webmail taglines: "Verzonden vanaf mijn iPhone" --------------------------------------

const DEVICE_LINE = new RegExp(
  '^(?:verzonden (?:vanaf|vanuit|met|via|van) |verstuurd (?:vanaf|vanuit|met|via|van) |outlook voor \\S+ downloaden|download outlook voor ' +
    '|sent (?:from|with|via|using) |get outlook for |von meinem .{1,40} gesendet$|gesendet (?:von|mit|vom|via) ' +
    '|envoyé (?:de|depuis|à partir de|avec) |télécharger outlook pour |obtenir outlook pour ' +
    '|inviato (?:da|dal) |scarica outlook per |enviado (?:desde|de|do|con|com|a partir do) |obtener outlook para ' +
    '|baixe o outlook |sendt fra |skickat från |hämta outlook för |lähetetty \\S|wysłane z |отправлено (?:с|из) )',
  'iu',
);

/** "my" in the languages above, or a device or mail app: "Verzonden via PostNL" is not a tagline. */
const DEVICE_OR_APP = new RegExp(
  '\\b(?:my|mijn|meinem|mon|ma|mi|mio|meu|min|mitt|mój|mojego|моего|outlook|mail|gmail|yahoo|aol|hotmail|ios|iphone' +
    '|ipad|android|blackberry|samsung|galaxy|huawei|xiaomi|pixel|windows|mobile|mobiel|handy|smartphone|telefoon' +
    '|tablet|typeapp|spark|proton|protonmail|sparrow|airmail|bluemail|aquamail|gmx|web\\.de|t-online)\\b',
  'iu',
);

/** "via mobile", "via iPhone": the shortest taglines, only as a whole line. */
const VIA_DEVICE = /^via (?:mobile|mobiel|(?:my |mijn )?(?:iphone|ipad|android|phone|telefoon|smartphone|handy|tablet))$/iu;

/**
 * A client's tagline on its own line, at most one full stop at its end ("Sent with Proton Mail secure
 * email."). Not "Sent from my desk, is much easier then my phone."
 */
export function isDeviceLine(line: string): boolean {
  const l = normaliseLine(line).trim().replace(/<[^>]*>|\([^)]*\)|\[[^\]]*\]/gu, ' ').replace(/\s+/gu, ' ').trim().replace(/(?<!\.)\.$/u, '');
  if (VIA_DEVICE.test(l)) return true;
  if (!DEVICE_LINE.test(l) || !DEVICE_OR_APP.test(l) || l.includes(',')) return false;
  return l.split(' ').length <= 9 && !/[.;:!?]$/u.test(l);
}

/** A line that is just a name: "Jan", "Stavros Xxxxxx", "A. de Vries". */
export function isNameLine(line: string): boolean {
  const l = normaliseLine(line).trim();
  return l.length <= 40 && /^\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+[\p{L}\p{M}.'’-]+){0,3}$/u.test(l);
}

// ---- closings: "Met vriendelijke groet," ----------------------------------------------------------

/** Closings that end a mail on their own. Dutch first, then English, German, French, others. */
const STRONG_CLOSINGS = [
  'met vriendelijke groet(?:en)?', 'vriendelijke groet(?:en)?', 'met hartelijke groet(?:en)?', 'hartelijke groet(?:en)?',
  'met (?:beleefde|vriendelijke) groet', 'groet(?:en|jes)?', 'mvg', 'm\\.v\\.g\\.?', 'vr\\.? ?gr\\.?', 'gr\\.?', 'hoogachtend',
  'alvast bedankt', 'bij voorbaat dank', 'met dank', 'fijne dag',
  'best regards', 'kind regards', 'warm regards', 'warmest regards', 'kindest regards', 'regards', 'best wishes',
  'all the best', 'cheers', 'sincerely', 'yours sincerely', 'yours truly', 'yours faithfully', 'take care',
  'thanks in advance', 'many thanks', 'with thanks',
  'mit freundlichen grüßen', 'mit freundlichen grüssen', 'freundliche grüße', 'freundliche grüsse', 'viele grüße',
  'viele grüsse', 'beste grüße', 'liebe grüße', 'herzliche grüße', 'schöne grüße', 'gruß', 'gruss', 'mfg',
  'cordialement', 'bien cordialement', 'bien à vous', 'salutations', 'meilleures salutations', 'sincères salutations',
  'bonne journée', 'bonne soirée', "merci d'avance", 'amitiés',
  'cordiali saluti', 'distinti saluti', 'saluti', 'un saluto', 'buona giornata',
  'saludos', 'un saludo', 'saludos cordiales', 'atentamente', 'cordialmente',
  'atenciosamente', 'cumprimentos', 'abraços',
  'med venlig hilsen', 'venlig hilsen', 'mvh', 'med vennlig hilsen', 'vennlig hilsen', 'med vänliga hälsningar',
  'vänliga hälsningar', 'hälsningar', 'hilsen', 'ystävällisin terveisin', 'terveisin',
  'pozdrawiam', 'z poważaniem', 'с уважением', 'всего доброго', 's pozdravem',
];
/** Thanks-words end a mail only with a comma or a name after them ("Thanks!" alone is content). */
const WEAK_CLOSINGS = [
  'bedankt', 'dank je(?: wel)?', 'dank u(?: wel)?', 'dankjewel', 'thanks', 'thank you', 'thanks a lot', 'thx', 'best',
  'danke', 'vielen dank', 'danke schön', 'merci', 'merci beaucoup', 'grazie', 'grazie mille', 'gracias',
  'muchas gracias', 'obrigado', 'obrigada', 'tack', 'takk', 'kiitos', 'dziękuję', 'спасибо', 'děkuji',
];
const closingRegex = (phrases: string[]) =>
  new RegExp(`^(?:${phrases.join('|')})(?:\\s*[,.!]+)?(?:[\\s,]+(.{1,40}))?$`, 'iu');
const STRONG = closingRegex(STRONG_CLOSINGS);
const WEAK = closingRegex(WEAK_CLOSINGS);
/** A name after the closing on the same line: "Groet, Henk de Vries", "Cheers 🎉". */
const NAME_AFTER = /^(?:[\p{Lu}\p{So}\p{Sk}][\p{L}\p{M}.'’-]*|\p{Extended_Pictographic}+)(?:\s+[\p{L}\p{M}.'’-]+|\s+\p{Extended_Pictographic}+){0,3}$/u;

export type ClosingStrength = 'strong' | 'weak';

export function closingStrength(line: string): { strength: ClosingStrength; endsWithComma: boolean } | null {
  const l = normaliseLine(line).trim();
  if (l.length > 60) return null;
  for (const [re, strength] of [[STRONG, 'strong'], [WEAK, 'weak']] as const) {
    const m = re.exec(l);
    if (!m) continue;
    if (m[1] !== undefined && !NAME_AFTER.test(m[1].trim())) continue;
    return { strength, endsWithComma: /,$/u.test(l) || m[1] !== undefined };
  }
  return null;
}

// ---- signature delimiters and signature-like lines -----------------------------------------------

/** 'rfc' for "-- " (RFC 3676); 'plain' for "--", "__", "———", "-----", "====": weaker evidence. */
export function delimiterKind(line: string): 'rfc' | 'plain' | null {
  const raw = line.replace(/\r$/u, '');
  if (raw === '-- ' || raw === '--') return 'rfc';
  const l = normaliseLine(raw).trim();
  if (/^(?:-{2,}|_{2,}|={2,}|[—–]{1,}|\*{3,}|~{2,})$/u.test(l)) return 'plain';
  return null;
}

/** "-Abhishek Kona", "-- Tim", "~Jan": a dash and a name as sign-off. */
export function isDashSignOff(line: string): boolean {
  return /^(?:-{1,2}|--\s|~|[—–])\p{Lu}[\p{L}.'’-]*(?:\s[\p{Lu}][\p{L}.'’-]*){0,2}$/u.test(normaliseLine(line).trim());
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u;
const PHONE = /^(?:[\p{L}.]{1,10}\.?:?\s*|\p{Extended_Pictographic}\s*)?\+?[\d(][\d\s().\/-]{6,}\d$/u;
const URL = /^(?:https?:\/\/|www\.)\S+$/iu;

/** Contact details as found in signatures: an address, a phone or fax number, a website. */
export function isContactLine(line: string): boolean {
  const l = normaliseLine(line).trim().replace(/^\p{Extended_Pictographic}\s*/u, '');
  return (EMAIL.test(l) && l.length <= 60) || PHONE.test(l) || URL.test(l);
}

/** A short line that could be a name, role, company, phone: not a sentence, not a question. */
export function isSignatureLikeLine(line: string, maxLength = 60): boolean {
  const l = normaliseLine(line).trim();
  if (l.length > maxLength || /\?$/u.test(l)) return false;
  const words = l.split(/\s+/u).length;
  return !(words >= 6 && /[.!]$/u.test(l));
}
