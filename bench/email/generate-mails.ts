/**
 * Realistic customer e-mail of our own making, for the e-mail benchmarks (bench/email-intake.ts,
 * bench/imap-intake.ts, bench/email-kill.ts). Deterministic: the same seed gives the same bytes.
 *
 * - Dutch (about 65%) and English mail about parking charges, parcels, invoices and subscriptions, with names,
 *   amounts ("€ 12,50" / "€12.50"), licence plates, order and invoice numbers, lists of transactions.
 * - Sizes aimed at a target range for the whole raw message (`sizeBytes`, default 1–10 KB); long mail gets its
 *   length from what long customer mail really contains: transaction lists, more paragraphs, quoted history
 *   ("Op … schreef …", Outlook's "Van: … Verzonden: …", "On … wrote:"), forwarded correspondence and disclaimers.
 * - Signatures ("Met vriendelijke groet", "Kind regards", sometimes after "-- ").
 * - MIME as mail programs write it: text/plain only or multipart/alternative with HTML; quoted-printable, base64
 *   or 8bit; UTF-8 or windows-1252; encoded-word subjects and names; Received and DKIM-Signature headers.
 * - Some with a small PDF or PNG attachment (real magic bytes; the PNG is a complete 1×1 image).
 * - A share of replies to earlier mail (In-Reply-To + References, root first): most from the same sender with
 *   "Re:", some with a changed subject, some from someone else (a partner, a colleague) — so that only the
 *   threading headers tie those to their original.
 * - Unique Message-IDs (checked).
 */
import { rng } from '../lib/random.ts';

export type Lang = 'nl' | 'en';
export type Topic = 'parking' | 'parcel' | 'invoice' | 'subscription';

export interface GeneratedMail {
  index: number;
  /** Message-ID without <> (how Luister stores it in messages.email_message_id) */
  messageId: string;
  /** envelope sender and From address */
  from: string;
  to: string;
  subject: string;
  language: Lang;
  topic: Topic;
  /** the Message-ID (bare) this mail answers, or null */
  parent: string | null;
  /** the first Message-ID of the thread, or null for a mail that starts one */
  root: string | null;
  /** for replies: sent by someone else than the parent's sender */
  otherSender: boolean;
  /** for replies: a subject whose key differs from the parent's (not just "Re:") */
  changedSubject: boolean;
  attachment: 'pdf' | 'png' | null;
  raw: Buffer;
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** the inbox address the mail is sent to */
  to: string;
  /** target size of the whole raw message, bytes [min, max] (default [1_000, 10_000]) */
  sizeBytes?: [number, number];
  /** share of replies to earlier mail (default 0.2) */
  replyShare?: number;
  /** share with a small PDF/PNG attachment (default 0.12) */
  attachmentShare?: number;
  /** share of Dutch mail (default 0.65) */
  dutchShare?: number;
  /** customers: one per this many mails (default 2.5): some customers write more than once */
  mailsPerCustomer?: number;
}

// ------------------------------------------------------------------------------------------------ people

const FIRST_NL = ['Anna', 'Daan', 'Sanne', 'Bram', 'Fatima', 'Mohamed', 'Lotte', 'Jeroen', 'Emma', 'Noah', 'Sophie', 'Lucas', 'Julia', 'Sem',
  'Fleur', 'Thijs', 'Eva', 'Ruben', 'Noor', 'Milan', 'Yasmina', 'Kees', 'Ingrid', 'Wim', 'Marieke', 'Joost', 'Chloë', 'Anouk', 'Pieter', 'Saskia',
  'Ahmed', 'Esra', 'Hanneke', 'Gert-Jan', 'Mei', 'Priya', 'Bas', 'Roos', 'Ilse', 'Stijn'];
const LAST_NL = ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos',
  'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'El Amrani', 'Yılmaz', 'Özdemir', 'van Dijk',
  'Kramer', 'Schouten', 'Postma', 'van der Meer', 'Verhoeven', 'Kuipers', 'Hoekstra', 'Koster', 'Prins', 'Huisman', 'Wong', 'Bouzid'];
const FIRST_EN = ['James', 'Olivia', 'Kevin', 'Sarah', 'Thomas', 'Emily', 'Daniel', 'Grace', 'Michael', 'Hannah', 'Oliver', 'Amelia',
  'Jack', 'Isla', 'Harry', 'Zoë', 'George', 'Chloe', 'Ethan', 'Mia', 'Raj', 'Aisha', 'Liam', 'Sophia', 'José', 'Lena'];
const LAST_EN = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', "O'Brien",
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Müller', 'García', 'Novak', 'Kowalski', 'Murphy'];
const PROVIDERS = ['ziggo.example', 'kpnmail.example', 'gmail.example', 'hotmail.example', 'outlook.example', 'xs4all.example',
  'live.example', 'icloud.example', 'planet.example', 'home.example'];
const WORK_DOMAINS = ['bouwbedrijf-jansen.example', 'gemeente-zuid.example', 'tandarts-centrum.example', 'acme-logistics.example',
  'brightdesign.example', 'huisartsenpraktijk.example'];

interface Person { name: string; first: string; address: string; lang: Lang; phone: string; client: Client }
type Client = 'gmail' | 'outlook' | 'apple' | 'thunderbird' | 'android';

// ------------------------------------------------------------------------------------------------ text pools

const companyDomain = (company: string) => `${company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
const COMPANY = { parking: 'ParkeerGemak', parcel: 'SnelPakket', invoice: 'Energie Direct', subscription: 'StreamPlus' } as const;

interface Slots { amount: string; amount2: string; date: string; date2: string; plate: string; order: string; invoice: string; zone: string;
  customerNo: string; months: string; iban: string; company: string }

type Pool = Record<Topic, { subjects: string[]; opening: string[]; middle: string[]; ask: string[]; followUp: string[]; changed: string[] }>;

const NL: Pool = {
  parking: {
    subjects: ['Dubbele afschrijving parkeren', 'Te veel betaald voor parkeren', 'Parkeersessie liep door', 'Naheffing onterecht',
      'Vraag over parkeerkosten {date}', 'Parkeerapp rekent te veel', 'Bezwaar naheffingsaanslag kenteken {plate}', 'Terugbetaling parkeergeld'],
    opening: [
      'Op {date} heb ik geparkeerd in zone {zone} met kenteken {plate}. Ik heb de sessie om 17:45 gestopt in de app, maar er is {amount} afgeschreven in plaats van de {amount2} die de app liet zien.',
      'Afgelopen week zag ik op mijn afschrift dat er twee keer {amount} is afgeschreven voor dezelfde parkeersessie op {date}. Mijn kenteken is {plate}.',
      'Mijn parkeersessie van {date} in zone {zone} is niet gestopt, hoewel ik in de app op "stop" heb gedrukt. Nu staat er een bedrag van {amount} open.',
      'Ik heb een naheffingsaanslag ontvangen voor {plate} op {date}, terwijl ik gewoon een actieve sessie had in {company}. De naheffing is {amount}.',
      'Sinds de laatste update van de app worden mijn parkeersessies per kwartier afgerond naar boven. Op {date} betaalde ik {amount} voor nog geen uur.',
    ],
    middle: [
      'Ik parkeer al jaren via jullie app en heb nooit eerder problemen gehad, dus ik ga ervan uit dat het om een fout gaat.',
      'In de bijlage vindt u een schermafbeelding van de sessie en van mijn bankafschrift waarop de dubbele afschrijving te zien is.',
      'De parkeerautomaat op het plein was buiten gebruik, daarom heb ik de app gebruikt. Dat zou toch juist goed moeten gaan?',
      'Mijn partner gebruikt hetzelfde account met een ander kenteken; misschien is daar iets misgegaan bij het koppelen.',
      'Het gaat niet om een groot bedrag, maar het is de derde keer dit jaar en ik heb geen zin om steeds achter mijn geld aan te moeten.',
      'Ik heb de app opnieuw geïnstalleerd en ben opnieuw ingelogd, maar de sessie staat nog steeds als actief in het overzicht.',
      'Volgens de borden ter plaatse is parkeren na 18:00 gratis, toch loopt het tarief in de app gewoon door tot middernacht.',
      'Ook de transactiekosten van {amount2} per sessie vind ik nergens terug in de voorwaarden die ik heb geaccepteerd.',
    ],
    ask: ['Kunt u het te veel betaalde bedrag van {amount} terugstorten op {iban}?', 'Ik verzoek u de naheffing in te trekken.',
      'Graag hoor ik wanneer ik het geld terug kan verwachten.', 'Kunt u uitzoeken wat er mis is gegaan en mij laten weten wat u eraan doet?'],
    followUp: ['Ik heb nog steeds niets teruggehoord en het bedrag is ook niet teruggestort.', 'Vandaag is er opnieuw {amount} afgeschreven, dus het probleem is niet opgelost.',
      'Bij deze nog de schermafbeelding die ik was vergeten mee te sturen.', 'Hoe staat het met mijn verzoek? Het is inmiddels twee weken geleden.'],
    changed: ['Nog steeds geen terugbetaling', 'Opnieuw afgeschreven!', 'Aanvulling op mijn klacht', 'Reactie gevraagd: parkeerkosten'],
  },
  parcel: {
    subjects: ['Pakket niet ontvangen', 'Bestelling {order} nog niet bezorgd', 'Pakket beschadigd aangekomen', 'Verkeerd adres bezorgd',
      'Waar is mijn pakket?', 'Track & trace werkt niet voor {order}', 'Retourzending {order}', 'Bezorger heeft niet aangebeld'],
    opening: [
      'Op {date} heb ik bestelling {order} geplaatst en volgens de track & trace is het pakket op {date2} bezorgd, maar ik heb niets ontvangen.',
      'Mijn pakket met ordernummer {order} is vandaag aangekomen, maar de doos was ingedeukt en de inhoud is kapot. De waarde is {amount}.',
      'Volgens {company} is mijn pakket afgeleverd bij de buren op nummer 14, maar daar woont al maanden niemand.',
      'Ik wacht al sinds {date} op mijn bestelling {order}. De verwachte bezorgdatum is drie keer verschoven.',
      'Ik heb op {date} een retour aangemeld voor {order} en het pakket is afgegeven bij het servicepunt, maar ik heb de {amount} nog niet terug.',
    ],
    middle: [
      'Ik was de hele dag thuis en er is niet aangebeld; ook zat er geen briefje in de brievenbus.',
      'De status in de app staat al vijf dagen op "in sorteercentrum", dat lijkt me niet normaal.',
      'Het ging om een verjaardagscadeau, dus het is extra vervelend dat het te laat is.',
      'Ik heb de bezorgfoto bekeken en dat is niet mijn voordeur; het lijkt een portiek in een andere straat.',
      'Bij het servicepunt zeggen ze dat ze het pakket hebben doorgestuurd, maar niemand weet waar het nu is.',
      'Ik heb foto\'s van de beschadigde doos en de inhoud gemaakt; die stuur ik mee als bijlage.',
      'Mijn adres is Lindenlaan 23, 3512 AB Utrecht. Dat staat ook correct in mijn account.',
      'De klantenservice van de webwinkel verwijst naar u, en u verwijst weer naar de webwinkel. Zo schiet het niet op.',
    ],
    ask: ['Wilt u uitzoeken waar mijn pakket is?', 'Ik wil graag het aankoopbedrag van {amount} terug.', 'Kunt u een nieuwe bezorging inplannen?',
      'Graag een reactie binnen een week, anders dien ik een klacht in.'],
    followUp: ['Het pakket is nog steeds niet bezorgd.', 'Inmiddels staat er "bezorgd" in de track & trace, maar er is niets gekomen.',
      'Ik heb de foto\'s bijgevoegd waar u om vroeg.', 'Is er al nieuws over mijn pakket?'],
    changed: ['Nog steeds geen pakket', 'Foto\'s beschadiging', 'Klacht bezorging {order}', 'Tweede pakket ook kwijt'],
  },
  invoice: {
    subjects: ['Vraag over factuur {invoice}', 'Factuur klopt niet', 'Dubbel gefactureerd', 'Creditnota aangevraagd', 'Factuur {invoice} te hoog',
      'Betalingsherinnering terwijl ik al betaald heb', 'Aanmaning onterecht', 'Kopie factuur gevraagd'],
    opening: [
      'Ik heb factuur {invoice} ontvangen van {amount}, terwijl mijn termijnbedrag {amount2} per maand is.',
      'Vandaag kreeg ik een betalingsherinnering voor factuur {invoice}, maar die heb ik op {date} al betaald via iDEAL.',
      'Op mijn factuur van {date} staat een post "administratiekosten" van {amount2} die ik niet kan plaatsen.',
      'U heeft mij voor de maand {months} twee keer gefactureerd, elk {amount}. Mijn klantnummer is {customerNo}.',
      'Ik ben op {date} verhuisd en heb dat doorgegeven, maar de jaarafrekening {invoice} gaat nog uit van het oude adres.',
    ],
    middle: [
      'Ik heb de betaling nog eens gecontroleerd: het bedrag is van mijn rekening afgeschreven met het juiste betalingskenmerk.',
      'De meterstanden op de factuur komen niet overeen met de standen die ik zelf heb doorgegeven.',
      'Vorig jaar was het voorschot veel lager terwijl ons verbruik niet is gestegen.',
      'Ik heb geen zin in incassokosten voor iets wat al lang betaald is.',
      'Kunt u ook meteen nagaan of de btw op de juiste manier is berekend? Het lijkt erop dat die twee keer is meegeteld.',
      'Ik zie in mijn online omgeving een ander bedrag staan dan op de papieren factuur.',
      'De vorige drie facturen waren wel correct, het gaat pas mis sinds de overstap naar het nieuwe systeem.',
    ],
    ask: ['Graag ontvang ik een gecorrigeerde factuur of een creditnota.', 'Wilt u de betalingsherinnering intrekken?',
      'Kunt u het te veel betaalde bedrag van {amount} terugstorten?', 'Graag een toelichting op de kosten.'],
    followUp: ['Ik heb nog geen creditnota ontvangen.', 'Inmiddels is er een tweede herinnering gekomen.', 'Hierbij het betalingsbewijs.',
      'Kunt u mij laten weten wanneer dit wordt opgelost?'],
    changed: ['Betalingsbewijs factuur {invoice}', 'Tweede herinnering ontvangen', 'Nog geen creditnota', 'Klacht facturatie'],
  },
  subscription: {
    subjects: ['Abonnement opzeggen', 'Opzegging niet verwerkt', 'Abonnement automatisch verlengd', 'Prijsverhoging abonnement',
      'Proefperiode toch betaald', 'Wijziging abonnement', 'Opzeggen per {date}', 'Account {customerNo} beëindigen'],
    opening: [
      'Ik wil mijn abonnement per {date} opzeggen. Mijn klantnummer is {customerNo}.',
      'Op {date} heb ik mijn abonnement opgezegd via de website, maar deze maand is er toch weer {amount} afgeschreven.',
      'Zonder bericht is mijn abonnement verlengd voor {months}, terwijl ik een maandabonnement had van {amount2}.',
      'Per 1 januari gaat de prijs omhoog naar {amount}. Dat is meer dan 20% en daar ben ik niet mee akkoord.',
      'Ik had een gratis proefperiode van een maand, maar op {date} is toch {amount} in rekening gebracht.',
    ],
    middle: [
      'Ik heb destijds een bevestiging van de opzegging ontvangen, die stuur ik hierbij mee.',
      'Ik gebruik de dienst al maanden niet meer, omdat de app op mijn televisie steeds vastloopt.',
      'Volgens de wet mag een abonnement na het eerste jaar maandelijks opgezegd worden.',
      'Ik vind het jammer, want jullie aanbod was lange tijd prima, maar de prijs is nu te hoog voor ons gezin.',
      'In mijn account staat de status nog op "actief", terwijl ik al lang heb opgezegd.',
      'Ook mijn dochter heeft een profiel op dit account; dat mag allemaal verwijderd worden.',
      'Ik heb gebeld met de klantenservice, maar na 25 minuten in de wacht ben ik opgehangen.',
    ],
    ask: ['Wilt u de opzegging bevestigen en het bedrag van {amount} terugstorten?', 'Graag een schriftelijke bevestiging van de opzegging.',
      'Kunt u het abonnement omzetten naar het basispakket?', 'Ik wil dat de automatische incasso direct stopt.'],
    followUp: ['Er is opnieuw {amount} afgeschreven.', 'Ik heb nog steeds geen bevestiging van de opzegging.', 'Hierbij de bevestigingsmail van destijds.',
      'Waarom krijg ik geen antwoord?'],
    changed: ['Opnieuw afgeschreven na opzegging', 'Bevestiging opzegging', 'Laatste verzoek: abonnement stoppen', 'Incasso stornering'],
  },
};

const EN: Pool = {
  parking: {
    subjects: ['Charged twice for parking', 'Parking session kept running', 'Overcharged for parking on {date}', 'Penalty charge notice for {plate}',
      'Refund for parking fee', 'Parking app charged too much', 'Question about parking charges'],
    opening: [
      'On {date} I parked in zone {zone} with plate {plate}. I stopped the session in the app at 5:45 pm, but I was charged {amount} instead of the {amount2} the app showed.',
      'My bank statement shows two charges of {amount} for the same parking session on {date}. My licence plate is {plate}.',
      'My parking session on {date} did not stop although I pressed "stop" in the app. Now there is {amount} outstanding.',
      'I received a penalty charge for {plate} on {date} even though I had an active session in {company}. The charge is {amount}.',
    ],
    middle: [
      'I have used your app for years without any problems, so I assume this is a mistake on your side.',
      'Attached is a screenshot of the session and of my bank statement showing the double charge.',
      'The pay machine was out of order, which is why I used the app in the first place.',
      'My partner uses the same account with another car; maybe something went wrong when linking the plates.',
      'It is not a large amount, but this is the third time this year and I am tired of chasing my money.',
      'The signs on the street say parking is free after 6 pm, yet the app kept charging until midnight.',
    ],
    ask: ['Could you please refund the {amount} to my account {iban}?', 'Please cancel the penalty charge.', 'Please let me know when I can expect the refund.',
      'Could you look into what went wrong?'],
    followUp: ['I still have not heard back and the money has not been refunded.', 'I was charged {amount} again today, so the problem is not fixed.',
      'Here is the screenshot I forgot to attach.', 'Any update on this? It has been two weeks.'],
    changed: ['Still no refund', 'Charged again!', 'Additional information on my complaint', 'Parking charges: please reply'],
  },
  parcel: {
    subjects: ['Parcel not received', 'Order {order} not delivered', 'Parcel arrived damaged', 'Delivered to the wrong address', 'Where is my parcel?',
      'Tracking not working for {order}', 'Return of order {order}'],
    opening: [
      'I placed order {order} on {date} and tracking says it was delivered on {date2}, but I have not received anything.',
      'My parcel with order number {order} arrived today, but the box was crushed and the contents are broken. The value is {amount}.',
      'According to {company} my parcel was left with the neighbours at number 14, but nobody has lived there for months.',
      'I have been waiting for order {order} since {date}. The expected delivery date has moved three times.',
    ],
    middle: [
      'I was at home all day and nobody rang the bell; there was no card in the letterbox either.',
      'The status in the app has said "at sorting centre" for five days, which does not seem normal.',
      'It was a birthday present, so it is extra annoying that it is late.',
      'I looked at the delivery photo and that is not my front door.',
      'The pick-up point says they sent the parcel on, but nobody knows where it is now.',
      'My address is 23 Linden Lane, 3512 AB Utrecht, which is also correct in my account.',
    ],
    ask: ['Could you find out where my parcel is?', 'I would like a refund of {amount}.', 'Can you arrange a new delivery?',
      'Please reply within a week, otherwise I will file a complaint.'],
    followUp: ['The parcel still has not arrived.', 'Tracking now says "delivered" but nothing came.', 'Attached are the photos you asked for.', 'Any news about my parcel?'],
    changed: ['Still no parcel', 'Photos of the damage', 'Delivery complaint {order}', 'Second parcel lost too'],
  },
  invoice: {
    subjects: ['Question about invoice {invoice}', 'Invoice is wrong', 'Invoiced twice', 'Credit note requested', 'Invoice {invoice} too high',
      'Payment reminder although I paid', 'Copy of invoice please'],
    opening: [
      'I received invoice {invoice} for {amount}, while my monthly instalment is {amount2}.',
      'Today I got a payment reminder for invoice {invoice}, but I paid it on {date}.',
      'My invoice of {date} has an "administration fee" of {amount2} that I do not understand.',
      'You invoiced me twice for {months}, {amount} each time. My customer number is {customerNo}.',
    ],
    middle: [
      'I checked the payment again: the amount left my account with the correct payment reference.',
      'The meter readings on the invoice do not match the readings I submitted myself.',
      'Last year the advance payment was much lower while our usage has not gone up.',
      'The previous three invoices were correct; it went wrong after the move to the new system.',
      'I see a different amount in my online account than on the paper invoice.',
    ],
    ask: ['Please send a corrected invoice or a credit note.', 'Please withdraw the payment reminder.', 'Could you refund the {amount} I overpaid?',
      'Please explain these charges.'],
    followUp: ['I have not received a credit note yet.', 'A second reminder has arrived in the meantime.', 'Attached is the proof of payment.',
      'Could you let me know when this will be resolved?'],
    changed: ['Proof of payment invoice {invoice}', 'Second reminder received', 'Still no credit note', 'Billing complaint'],
  },
  subscription: {
    subjects: ['Cancel my subscription', 'Cancellation not processed', 'Subscription renewed automatically', 'Price increase subscription',
      'Charged after free trial', 'Change my plan', 'Close account {customerNo}'],
    opening: [
      'I would like to cancel my subscription as of {date}. My customer number is {customerNo}.',
      'On {date} I cancelled my subscription on your website, but this month I was charged {amount} again.',
      'My subscription was renewed for {months} without notice, while I had a monthly plan of {amount2}.',
      'I had a free trial of one month, but on {date} I was charged {amount}.',
    ],
    middle: [
      'I received a confirmation of the cancellation at the time; I have attached it.',
      'I have not used the service for months because the app on my TV keeps freezing.',
      'In my account the status still says "active", although I cancelled long ago.',
      'I called your support line but gave up after 25 minutes on hold.',
      'It is a pity, your service was fine for a long time, but the price is now too high for us.',
    ],
    ask: ['Please confirm the cancellation and refund the {amount}.', 'Please confirm the cancellation in writing.', 'Can you move me to the basic plan?',
      'Please stop the direct debit immediately.'],
    followUp: ['I was charged {amount} again.', 'I still have no confirmation of the cancellation.', 'Attached is the confirmation e-mail from back then.',
      'Why do I not get an answer?'],
    changed: ['Charged again after cancelling', 'Cancellation confirmation', 'Final request: stop my subscription', 'Direct debit reversed'],
  },
};

const GREETING: Record<Lang, string[]> = {
  nl: ['Beste klantenservice,', 'Geachte heer/mevrouw,', 'Hallo,', 'Goedemiddag,', 'Beste {company},', 'Hoi,', 'Geachte klantenservice,'],
  en: ['Dear support team,', 'Hi,', 'Hello,', 'Dear Sir or Madam,', 'Good afternoon,', 'Hi {company} team,'],
};
const CLOSING: Record<Lang, string[]> = {
  nl: ['Met vriendelijke groet,', 'Met vriendelijke groet,', 'Vriendelijke groet,', 'Groet,', 'Groetjes,', 'Alvast bedankt,', 'Mvg,'],
  en: ['Kind regards,', 'Best regards,', 'Thanks,', 'Regards,', 'Many thanks,', 'Best,'],
};
const SENT_FROM: Record<Client, string | null> = {
  gmail: null, outlook: null, thunderbird: null, apple: 'Verstuurd vanaf mijn iPhone', android: 'Verzonden vanaf mijn Samsung Galaxy-smartphone.',
};
const DISCLAIMER: Record<Lang, string> = {
  nl: 'Dit e-mailbericht is uitsluitend bestemd voor de geadresseerde(n). Gebruik van deze informatie door anderen dan de geadresseerde(n) is niet toegestaan. '
    + 'Indien u dit bericht ten onrechte ontvangt, wordt u verzocht de inhoud niet te gebruiken maar de afzender direct te informeren door het bericht te '
    + 'retourneren en het daarna te verwijderen. Aan dit bericht kunnen geen rechten worden ontleend.',
  en: 'This e-mail and any attachments are confidential and intended solely for the addressee. If you have received this e-mail in error, please notify '
    + 'the sender immediately and delete it from your system. Any unauthorised use, disclosure or copying is strictly prohibited. Opinions expressed are '
    + 'those of the author and do not necessarily represent those of the company.',
};
const SUPPORT_REPLY: Record<Lang, string[]> = {
  nl: [
    'Bedankt voor uw bericht. We hebben uw vraag doorgestuurd naar de afdeling die hierover gaat. U hoort binnen vijf werkdagen van ons.',
    'Wat vervelend dat het niet goed is gegaan. Om uw vraag te kunnen behandelen hebben we een kopie van uw bankafschrift nodig. Wilt u die meesturen?',
    'We hebben de transactie bekeken en zien inderdaad een afwijking. Het bedrag wordt binnen tien werkdagen teruggestort.',
    'Uw klacht is geregistreerd onder nummer {customerNo}. Houd dit nummer bij de hand als u contact met ons opneemt.',
  ],
  en: [
    'Thank you for your message. We have passed your question on to the right department. You will hear from us within five working days.',
    'We are sorry to hear this. To handle your request we need a copy of your bank statement. Could you send it to us?',
    'We have looked at the transaction and do see a discrepancy. The amount will be refunded within ten working days.',
    'Your complaint has been registered under number {customerNo}. Please keep this number at hand when you contact us.',
  ],
};

// ------------------------------------------------------------------------------------------------ attachments

/** A complete 1×1 PNG (a real image, not just the magic). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
function pdfBytes(title: string): Buffer {
  return Buffer.from(`%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n`
    + `3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 770 Td (${title}) Tj ET\nendstream\nendobj\n`
    + 'trailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
}

// ------------------------------------------------------------------------------------------------ encodings

const CRLF = '\r\n';

/** windows-1252 bytes for the characters our text uses (others become "?"). */
const CP1252: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
function encodeCp1252(s: string): Buffer {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out.push(c);
    else out.push(CP1252[ch] ?? 0x3f);
  }
  return Buffer.from(out);
}

/** Quoted-printable (RFC 2045) of bytes, soft line breaks at 76. */
function quotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  let line = '';
  const push = (tok: string) => {
    if (line.length + tok.length > 75) {
      lines.push(line + '=');
      line = '';
    }
    line += tok;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) {
      // a space or tab before a line break must be encoded
      if (line.endsWith(' ') || line.endsWith('\t')) line = line.slice(0, -1) + (line.endsWith(' ') ? '=20' : '=09');
      lines.push(line);
      line = '';
    } else if (b === 0x0d) {
      continue;
    } else if ((b >= 33 && b <= 126 && b !== 61) || b === 32 || b === 9) {
      push(String.fromCharCode(b));
    } else {
      push(`=${b.toString(16).toUpperCase().padStart(2, '0')}`);
    }
  }
  lines.push(line);
  return lines.join(CRLF);
}

const base64Lines = (bytes: Buffer) => (bytes.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);

/** An RFC 2047 encoded word when the text is not plain ASCII. */
function headerText(s: string, b: boolean): string {
  if (/^[\x20-\x7e]*$/.test(s)) return s;
  if (b) return `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
  const q = [...Buffer.from(s, 'utf8')].map((c) => (c === 0x20 ? '_' : (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? String.fromCharCode(c) : `=${c.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  return `=?UTF-8?Q?${q}?=`;
}
function mailbox(name: string, address: string, b: boolean): string {
  const n = headerText(name, b);
  return n === name && /[^A-Za-z0-9 !#$%&'*+\-/=?^_`{|}~]/.test(name) ? `"${name.replace(/"/g, '')}" <${address}>` : `${n} <${address}>`;
}
/** Long header values folded at spaces, as mail programs do. */
function fold(header: string): string {
  if (header.length <= 78) return header;
  const parts = header.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const p of parts) {
    if (line && line.length + 1 + p.length > 76) {
      lines.push(line);
      line = ` ${p}`;
    } else line = line ? `${line} ${p}` : p;
  }
  lines.push(line);
  return lines.join(CRLF);
}

/** Paragraphs wrapped at 72 columns (format=flowed-like, as Thunderbird and Apple Mail send). */
function wrap(text: string, width = 72): string {
  return text.split('\n').map((l) => {
    if (l.length <= width || l.startsWith('>')) return l;
    const out: string[] = [];
    let cur = '';
    for (const w of l.split(' ')) {
      if (cur && cur.length + 1 + w.length > width) {
        out.push(cur + ' ');
        cur = w;
      } else cur = cur ? `${cur} ${w}` : w;
    }
    out.push(cur);
    return out.join('\n');
  }).join('\n');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function toHtml(text: string, client: Client): string {
  const blocks: string[] = [];
  let quote: string[] = [];
  const flushQuote = () => {
    if (quote.length) blocks.push(`<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">${quote.map((l) => escapeHtml(l.replace(/^>\s?/, ''))).join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const para of text.split('\n\n')) {
    const lines = para.split('\n');
    if (lines.every((l) => l.startsWith('>'))) {
      quote.push(...lines, '');
      continue;
    }
    flushQuote();
    blocks.push(client === 'outlook'
      ? `<p class="MsoNormal"><span style="font-family:Calibri,sans-serif">${lines.map(escapeHtml).join('<br>')}</span></p>`
      : `<div dir="ltr">${lines.map(escapeHtml).join('<br>')}</div>`);
  }
  flushQuote();
  const head = client === 'outlook'
    ? '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;} --></style></head><body lang="NL" link="#0563C1">'
    : '<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>';
  return `${head}\n${blocks.join('\n')}\n</body></html>\n`;
}

// ------------------------------------------------------------------------------------------------ the generator

const DAYS_NL = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];
const MONTHS_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const DAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_LONG_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');
const rfc2822 = (d: Date) => `${DAYS_EN[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0100`;

/** Generates `count` mails; `result[i]` only ever replies to a mail before it. */
export function generateMails(o: GenerateOptions): GeneratedMail[] {
  const r = rng(o.seed ?? 20261124);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const between = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const chance = (p: number) => r() < p;
  const [minSize, maxSize] = o.sizeBytes ?? [1_000, 10_000];
  const replyShare = o.replyShare ?? 0.2;
  const attachmentShare = o.attachmentShare ?? 0.12;
  const dutchShare = o.dutchShare ?? 0.65;
  const base = Date.UTC(2026, 10, 1, 8, 0, 0);

  const usedAddresses = new Set<string>();
  const person = (lang: Lang, surname?: string, work = false): Person => {
    const first = pick(lang === 'nl' ? FIRST_NL : FIRST_EN);
    const last = surname ?? pick(lang === 'nl' ? LAST_NL : LAST_EN);
    const local = `${first}.${last}`.normalize('NFKD').replace(/[^\x00-\x7f]/g, '').toLowerCase().replace(/[^a-z.]+/g, '');
    let address = '';
    for (let k = 0; !address || usedAddresses.has(address); k++) {
      const style = between(0, 3);
      const l = style === 0 ? local : style === 1 ? `${local.replace('.', '')}${between(1, 99)}` : style === 2 ? `${first[0].toLowerCase()}.${local.split('.').pop()}` : `${local}${k || ''}`;
      address = `${l}${k > 3 ? k : ''}@${work ? pick(WORK_DOMAINS) : pick(PROVIDERS)}`;
    }
    usedAddresses.add(address);
    return { name: `${first} ${last}`, first, address, lang, phone: `06-${between(10000000, 99999999)}`, client: pick(['gmail', 'outlook', 'outlook', 'apple', 'thunderbird', 'android'] as const) };
  };
  const customers: Person[] = [];
  const nCustomers = Math.max(1, Math.round(o.count / (o.mailsPerCustomer ?? 2.5)));
  for (let i = 0; i < nCustomers; i++) customers.push(person(chance(dutchShare) ? 'nl' : 'en'));

  const slots = (topic: Topic, lang: Lang, at: Date): Slots => {
    const euros = (lo: number, hi: number) => {
      const cents = between(lo * 100, hi * 100);
      const e = Math.floor(cents / 100), c = pad(cents % 100);
      return lang === 'nl' ? (chance(0.8) ? `€ ${e},${c}` : `EUR ${e},${c}`) : (chance(0.7) ? `€${e}.${c}` : `EUR ${e}.${c}`);
    };
    const day = (back: number) => {
      const d = new Date(at.getTime() - back * 86_400_000);
      return lang === 'nl'
        ? (chance(0.5) ? `${d.getUTCDate()} ${MONTHS_LONG_NL[d.getUTCMonth()]}` : `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`)
        : (chance(0.5) ? `${d.getUTCDate()} ${MONTHS_LONG_EN[d.getUTCMonth()]}` : `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`);
    };
    const letters = 'BDFGHJKLNPRSTVXZ';
    const L = () => letters[between(0, letters.length - 1)];
    const big = topic === 'subscription' || topic === 'invoice';
    return {
      amount: euros(big ? 9 : 2, big ? 180 : 60), amount2: euros(1, big ? 40 : 9), date: day(between(2, 30)), date2: day(between(0, 2)),
      plate: `${L()}${L()}-${between(100, 999)}-${L()}`, order: `${between(1000000, 9999999)}`, invoice: `F${2026}${between(100000, 999999)}`,
      zone: `${between(100, 999)}`, customerNo: `${between(10000000, 99999999)}`, iban: `NL${between(10, 99)}INGB000${between(1000000, 9999999)}`,
      months: lang === 'nl' ? pick(['oktober', 'november', '12 maanden', 'het hele jaar']) : pick(['October', 'November', '12 months', 'a full year']),
      company: COMPANY[topic],
    };
  };
  const fill = (s: string, v: Slots) => s.replace(/\{(\w+)\}/g, (_, k: keyof Slots) => v[k] ?? k);

  const transactions = (topic: Topic, lang: Lang, v: Slots, n: number): string => {
    const rows: string[] = [];
    const head = {
      parking: lang === 'nl' ? 'Datum       Zone  Kenteken   Duur     Bedrag' : 'Date        Zone  Plate      Time     Amount',
      parcel: lang === 'nl' ? 'Track & trace:' : 'Tracking history:',
      invoice: lang === 'nl' ? 'Omschrijving                         Bedrag' : 'Description                          Amount',
      subscription: lang === 'nl' ? 'Afschrijvingen op mijn rekening:' : 'Charges on my account:',
    }[topic];
    rows.push(head);
    for (let i = 0; i < n; i++) {
      const d = `${pad(between(1, 28))}-${pad(between(9, 11))}-2026`;
      const amt = slots(topic, lang, new Date(base)).amount2;
      if (topic === 'parking') rows.push(`${d}  ${between(100, 999)}   ${v.plate}  ${between(0, 5)}u${pad(between(0, 59))}m  ${amt}`);
      else if (topic === 'parcel') rows.push(`${d} ${pad(between(6, 22))}:${pad(between(0, 59))}  ${pick(lang === 'nl' ? ['Zending aangemeld', 'In sorteercentrum', 'Onderweg naar bezorger', 'Bezorging niet gelukt', 'Afgeleverd bij buren', 'Bezorgd'] : ['Shipment registered', 'At sorting centre', 'Out for delivery', 'Delivery failed', 'Left with neighbour', 'Delivered'])}`);
      else if (topic === 'invoice') rows.push(`${pick(lang === 'nl' ? ['Vaste leveringskosten', 'Netbeheerkosten', 'Verbruik stroom normaal', 'Verbruik stroom dal', 'Energiebelasting', 'Administratiekosten', 'Korting'] : ['Fixed supply charge', 'Network charge', 'Electricity peak', 'Electricity off-peak', 'Energy tax', 'Administration fee', 'Discount'])}`.padEnd(37) + amt);
      else rows.push(`${d}  ${pick(['SEPA incasso', 'iDEAL', 'Creditcard'])}  ${v.company}  ${amt}`);
    }
    return rows.join('\n');
  };

  const quoteHeader = (lang: Lang, client: Client, who: { name: string; address: string }, when: Date, subject: string, to: string): string => {
    const d = when;
    if (client === 'outlook') {
      return lang === 'nl'
        ? `Van: ${who.name} <${who.address}>\nVerzonden: ${DAYS_NL[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS_LONG_NL[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}\nAan: ${to}\nOnderwerp: ${subject}`
        : `From: ${who.name} <${who.address}>\nSent: ${DAYS_EN[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS_LONG_EN[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}\nTo: ${to}\nSubject: ${subject}`;
    }
    return lang === 'nl'
      ? `Op ${DAYS_NL[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS_NL[d.getUTCMonth()]} ${d.getUTCFullYear()} om ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} schreef ${who.name} <${who.address}>:`
      : `On ${DAYS_EN[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCFullYear()} at ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}, ${who.name} <${who.address}> wrote:`;
  };
  const quoted = (text: string, client: Client) => (client === 'outlook' ? text : text.split('\n').map((l) => (l.startsWith('>') ? `>${l}` : l ? `> ${l}` : '>')).join('\n'));

  interface Written { id: string; from: Person; subject: string; baseSubject: string; lang: Lang; topic: Topic; text: string; at: Date; refs: string[]; v: Slots }
  const written: Written[] = [];
  const mails: GeneratedMail[] = [];
  const ids = new Set<string>();

  for (let i = 0; i < o.count; i++) {
    const at = new Date(base + i * 97_000 + between(0, 60_000));
    const target = between(minSize, maxSize);
    // a reply answers one of the last ~300 mails (people reply within days, not months)
    const parent = i > 5 && chance(replyShare) ? written[between(Math.max(0, i - 300), i - 1)] : null;
    let from: Person;
    let otherSender = false;
    if (parent) {
      otherSender = chance(0.25);
      from = otherSender ? person(parent.lang, parent.from.name.split(' ').slice(1).join(' '), chance(0.5)) : parent.from;
    } else from = pick(customers);
    const lang = parent ? parent.lang : from.lang;
    const topic: Topic = parent ? parent.topic : pick(['parking', 'parking', 'parcel', 'parcel', 'invoice', 'subscription'] as const);
    const pool = (lang === 'nl' ? NL : EN)[topic];
    const v = parent ? { ...parent.v, date2: slots(topic, lang, at).date2 } : slots(topic, lang, at);
    const changedSubject = Boolean(parent) && chance(0.25);
    const baseSubject = parent ? (changedSubject ? fill(pick(pool.changed), v) : parent.baseSubject) : fill(pick(pool.subjects), v);
    const prefix = from.client === 'outlook' ? (lang === 'nl' ? pick(['RE: ', 'Antw: ']) : 'RE: ') : 'Re: ';
    const subject = parent && !changedSubject ? `${prefix}${baseSubject}` : baseSubject;
    const attachment: GeneratedMail['attachment'] = chance(attachmentShare) ? (chance(0.5) ? 'pdf' : 'png') : null;

    // what the customer writes now
    const paras: string[] = [fill(pick(GREETING[lang]), v)];
    if (parent) {
      paras.push(fill(pick(pool.followUp), v));
      if (otherSender) paras.push(lang === 'nl' ? `Ik schrijf namens ${parent.from.name}, die deze mail eerder stuurde.` : `I am writing on behalf of ${parent.from.name}, who sent the mail below.`);
    } else {
      paras.push(fill(pick(pool.opening), v));
    }
    const closing = [pick(CLOSING[lang]), from.name];
    if (chance(0.4)) closing.push(from.phone);
    const sentFrom = SENT_FROM[from.client];
    let signature = closing.join('\n');
    if (chance(0.2)) signature += `\n\n-- \n${from.name}\n${lang === 'nl' ? 'Tel.' : 'Phone'} ${from.phone}`;
    if (sentFrom && chance(0.6)) signature += `\n\n${sentFrom}`;

    const htmlToo = from.client === 'outlook' || from.client === 'gmail' || (from.client === 'apple' && chance(0.5));
    const overhead = 1_100 + (attachment ? 900 : 0);
    const textBudget = Math.max(250, (target - overhead) / (htmlToo ? 2.3 : 1));

    const body = () => [...paras, signature].join('\n\n');
    const middle = [...pool.middle];
    const extras: string[] = [];
    let lists = 0;
    // grow the new text first (more paragraphs, a transaction list, the question), then quoted history
    const ask = fill(pick(pool.ask), v);
    paras.push(ask);
    let added = 0;
    while (body().length < textBudget * 0.45 && middle.length && (!parent || added++ < 2)) {
      const p = middle.splice(Math.floor(r() * middle.length), 1)[0];
      paras.splice(paras.length - 1, 0, fill(p, v));
      if (lists < 2 && chance(0.35) && !parent) {
        lists++;
        paras.splice(paras.length - 1, 0, transactions(topic, lang, v, between(4, 14)));
      }
    }
    let text = body();
    const newText = text;
    if (parent) {
      const qh = quoteHeader(lang, from.client, parent.from, parent.at, parent.subject, o.to);
      text += `\n\n${from.client === 'outlook' ? (lang === 'nl' ? '-----Oorspronkelijk bericht-----\n' : '-----Original Message-----\n') : ''}${qh}\n${quoted(wrap(parent.text), from.client)}`;
    } else if (text.length < textBudget * 0.7 && chance(0.5)) {
      // earlier correspondence: the company's answer to an earlier question, quoted below
      const earlier = new Date(at.getTime() - between(2, 20) * 86_400_000);
      const support = { name: lang === 'nl' ? `Klantenservice ${v.company}` : `${v.company} Customer Service`, address: `service@${companyDomain(v.company)}` };
      const theirs = [lang === 'nl' ? `Beste ${from.name},` : `Dear ${from.name},`, fill(pick(SUPPORT_REPLY[lang]), v), fill(pick(SUPPORT_REPLY[lang]), v),
        lang === 'nl' ? `Met vriendelijke groet,\n${pick(['Sanne', 'Mark', 'Ilse', 'Tom'])}\nKlantenservice ${v.company}` : `Kind regards,\n${pick(['Sanne', 'Mark', 'Ilse', 'Tom'])}\n${v.company} Customer Service`].join('\n\n');
      text += `\n\n${quoteHeader(lang, from.client, support, earlier, fill(pick(pool.subjects), v), from.address)}\n${quoted(wrap(theirs), from.client)}`;
    }
    while (text.length < textBudget * 0.9) {
      // long mail: a forwarded earlier exchange, or the company's footer/disclaimer
      if (extras.length < 1 && chance(0.5)) {
        extras.push(DISCLAIMER[lang]);
        text += `\n\n${DISCLAIMER[lang]}`;
        continue;
      }
      const earlier = new Date(at.getTime() - between(20, 90) * 86_400_000);
      const fwd = lang === 'nl' ? '---------- Doorgestuurd bericht ---------' : '---------- Forwarded message ---------';
      const hdr = lang === 'nl'
        ? `Van: ${v.company} <noreply@${companyDomain(v.company)}>\nDatum: ${rfc2822(earlier)}\nOnderwerp: ${fill(pick(pool.subjects), v)}\nAan: <${from.address}>`
        : `From: ${v.company} <noreply@${companyDomain(v.company)}>\nDate: ${rfc2822(earlier)}\nSubject: ${fill(pick(pool.subjects), v)}\nTo: <${from.address}>`;
      const chunk = [fill(pick(SUPPORT_REPLY[lang]), v), transactions(topic, lang, v, between(3, 10)), fill(pick(pool.middle), v), fill(pick(SUPPORT_REPLY[lang]), v)].join('\n\n');
      text += `\n\n${fwd}\n${hdr}\n\n${chunk}`;
    }
    text = wrap(text);

    // ids: each mail program has its own shape of Message-ID
    const domain = from.address.split('@')[1];
    let id = '';
    for (let k = 0; !id || ids.has(id); k++) {
      const h = (n: number) => Array.from({ length: n }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[between(0, 35)]).join('');
      id = {
        gmail: `CA${h(8)}+${h(20)}${k || ''}@mail.gmail.example`,
        outlook: `AM${between(0, 9)}PR${between(10, 99)}MB${between(1000, 9999)}${h(12).toUpperCase()}${k || ''}@AM${between(0, 9)}PR${between(10, 99)}MB${between(1000, 9999)}.eurprd0${between(1, 9)}.prod.outlook.example`,
        apple: `${h(8).toUpperCase()}-${h(4).toUpperCase()}-${h(4).toUpperCase()}-${h(12).toUpperCase()}${k || ''}@${domain}`,
        thunderbird: `${h(8)}-${h(4)}-${h(4)}-${h(12)}${k || ''}@${domain}`,
        android: `${h(6)}.${i}.${h(10)}${k || ''}@email.android.example`,
      }[from.client];
    }
    ids.add(id);
    const refs = parent ? [...parent.refs, parent.id] : [];

    // MIME
    const charset = from.client === 'outlook' && lang === 'nl' && chance(0.4) ? 'windows-1252' : 'utf-8';
    const cte = from.client === 'gmail' ? (chance(0.5) ? 'quoted-printable' : 'base64') : from.client === 'thunderbird' ? '8bit' : chance(0.75) ? 'quoted-printable' : '8bit';
    const encodeText = (s: string, cs: string, enc: string) => {
      const bytes = cs === 'windows-1252' ? encodeCp1252(s) : Buffer.from(s, 'utf8');
      return enc === 'quoted-printable' ? quotedPrintable(bytes) : enc === 'base64' ? base64Lines(bytes) : bytes.toString('latin1').replace(/\r?\n/g, CRLF);
    };
    const boundary = (tag: string) => `${tag}_${Array.from({ length: 24 }, () => '0123456789abcdef'[between(0, 15)]).join('')}`;
    const textPart = [`Content-Type: text/plain; charset="${charset}"${from.client === 'thunderbird' || from.client === 'apple' ? '; format=flowed' : ''}`,
      `Content-Transfer-Encoding: ${cte}`, '', encodeText(text, charset, cte)].join(CRLF);
    let content = textPart;
    let contentHeaders: string[] = [];
    if (htmlToo) {
      const b = boundary('000000000000alt');
      const html = toHtml(text, from.client);
      const htmlEnc = cte === '8bit' ? 'quoted-printable' : cte;
      content = [`Content-Type: multipart/alternative; boundary="${b}"`, '', `--${b}`, textPart, '', `--${b}`,
        `Content-Type: text/html; charset="${charset}"`, `Content-Transfer-Encoding: ${htmlEnc}`, '', encodeText(html, charset, htmlEnc), '', `--${b}--`, ''].join(CRLF);
    }
    if (attachment) {
      const b = boundary('000000000000mix');
      const name = attachment === 'pdf'
        ? pick(lang === 'nl' ? [`factuur-${v.invoice}.pdf`, 'bankafschrift.pdf', 'bevestiging opzegging.pdf', `naheffing-${v.plate}.pdf`] : [`invoice-${v.invoice}.pdf`, 'bank statement.pdf', 'cancellation.pdf'])
        : pick(['IMG_2034.png', 'schermafbeelding.png', 'Screenshot 2026-11-12 at 14.03.22.png', 'screenshot.png', `foto-${v.order}.png`]);
      const bytes = attachment === 'pdf' ? pdfBytes(`${v.company} ${v.invoice}`) : PNG;
      const type = attachment === 'pdf' ? 'application/pdf' : 'image/png';
      const encName = headerText(name, true);
      content = [`Content-Type: multipart/mixed; boundary="${b}"`, '', `--${b}`, content, '', `--${b}`,
        `Content-Type: ${type}; name="${encName}"`, `Content-Disposition: attachment; filename="${encName}"`, 'Content-Transfer-Encoding: base64',
        ...(from.client === 'gmail' ? [`Content-ID: <f_${id.slice(2, 12)}>`, `X-Attachment-Id: f_${id.slice(2, 12)}`] : []),
        '', base64Lines(bytes), '', `--${b}--`, ''].join(CRLF);
    }
    if (!htmlToo && !attachment) {
      contentHeaders = textPart.split(CRLF + CRLF)[0].split(CRLF);
      content = textPart.slice(textPart.indexOf(CRLF + CRLF) + 4);
    } else {
      const sep = content.indexOf(CRLF + CRLF);
      contentHeaders = content.slice(0, sep).split(CRLF);
      content = content.slice(sep + 4);
    }

    const useB = from.client === 'gmail' || from.client === 'android';
    const mx = `mx${between(1, 4)}.${domain}`;
    const headers = [
      `Return-Path: <${from.address}>`,
      fold(`Received: from ${mx} (${mx} [${between(20, 220)}.${between(0, 255)}.${between(0, 255)}.${between(1, 254)}]) by mail.luister.example with ESMTPS id ${id.slice(0, 10)} for <${o.to}>; ${rfc2822(at)}`),
      fold(`Received: by ${mx} with SMTP id ${between(100000, 999999)}so${between(1000, 9999)}; ${rfc2822(new Date(at.getTime() - 2_000))}`),
      ...(chance(0.6) ? [fold(`DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${domain}; s=${pick(['20230601', 'selector1', 'default'])}; t=${Math.floor(at.getTime() / 1000)}; `
        + `h=from:to:subject:date:message-id:mime-version:content-type; bh=${Buffer.from(id).toString('base64').slice(0, 43)}=; `
        + `b=${Array.from({ length: 344 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[between(0, 63)]).join('')}`)] : []),
      'MIME-Version: 1.0',
      `Date: ${rfc2822(at)}`,
      `From: ${mailbox(from.name, from.address, useB)}`,
      `To: ${chance(0.5) ? o.to : mailbox(lang === 'nl' ? 'Klantenservice' : 'Customer Service', o.to, useB)}`,
      fold(`Subject: ${headerText(subject, useB)}`),
      `Message-ID: <${id}>`,
      ...(parent ? [`In-Reply-To: <${parent.id}>`, fold(`References: ${refs.map((x) => `<${x}>`).join(' ')}`)] : []),
      ...(from.client === 'outlook' ? [`Thread-Topic: ${headerText(baseSubject, false)}`, `Thread-Index: ${Buffer.from(id.slice(0, 16)).toString('base64')}`,
        `Content-Language: ${lang === 'nl' ? 'nl-NL' : 'en-GB'}`, 'X-MS-Has-Attach: ' + (attachment ? 'yes' : ''), 'X-Mailer: Microsoft Outlook 16.0'] : []),
      ...(from.client === 'apple' ? ['X-Mailer: iPhone Mail (21F90)'] : []),
      ...(from.client === 'thunderbird' ? ['User-Agent: Mozilla Thunderbird', `Content-Language: ${lang === 'nl' ? 'nl' : 'en-US'}`] : []),
      ...contentHeaders,
    ];
    // every part above is already bytes-as-latin1 (8bit parts carry their UTF-8 or windows-1252 bytes that way)
    const raw = Buffer.from(headers.join(CRLF) + CRLF + CRLF + content + (content.endsWith(CRLF) ? '' : CRLF), 'latin1');

    written.push({ id, from, subject, baseSubject, lang, topic, text: newText, at, refs, v });
    mails.push({
      index: i, messageId: id, from: from.address, to: o.to, subject, language: lang, topic,
      parent: parent?.id ?? null, root: refs[0] ?? null, otherSender, changedSubject, attachment, raw,
    });
  }
  return mails;
}

/** Share of each kind, for printing under a benchmark's figures. */
export function describeMails(mails: GeneratedMail[]): string {
  const n = mails.length;
  const pct = (k: number) => `${((100 * k) / n).toFixed(0)}%`;
  const sizes = mails.map((m) => m.raw.length).sort((a, b) => a - b);
  const avg = sizes.reduce((a, b) => a + b, 0) / n;
  const replies = mails.filter((m) => m.parent).length;
  return `${n} mails, ${(avg / 1024).toFixed(1)} KB on average (min ${(sizes[0] / 1024).toFixed(1)}, median ${(sizes[n >> 1] / 1024).toFixed(1)}, `
    + `max ${(sizes[n - 1] / 1024).toFixed(1)} KB); Dutch ${pct(mails.filter((m) => m.language === 'nl').length)}, `
    + `with attachment ${pct(mails.filter((m) => m.attachment).length)}, replies ${pct(replies)} `
    + `(${mails.filter((m) => m.otherSender).length} from someone else, ${mails.filter((m) => m.changedSubject).length} with a new subject), `
    + `${new Set(mails.map((m) => m.from)).size} senders`;
}
