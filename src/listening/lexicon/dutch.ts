/**
 * Our own Dutch lexicon for customer messages: what Pattern's adjective lexicon lacks (complaint
 * nouns and verbs, curses, anger) and where its general-language reading is wrong for customer
 * care ("zeer" is "very" here, not "sore"). Folded forms. Values: [polarity -1..1, anger 0..1].
 * The Pattern adjectives (pattern-nl.ts, from @nlpjs/lang-nl) are a feature of the message model, not summed here.
 */
import type { LexiconData } from './types.ts';

type E = readonly [number, number?];
const entries = (list: Record<string, E>) => list;

const WORDS = entries({
  // complaint nouns
  klacht: [-0.4], klachten: [-0.4], probleem: [-0.4], problemen: [-0.4], storing: [-0.5], storingen: [-0.5],
  fout: [-0.4], fouten: [-0.4], foutmelding: [-0.3], vergissing: [-0.3], defect: [-0.5], mankement: [-0.4],
  schade: [-0.4], vertraging: [-0.3], achterstand: [-0.3], wachttijd: [-0.2], boete: [-0.3], aanmaning: [-0.3],
  deurwaarder: [-0.4, 0.2], incassobureau: [-0.4, 0.2], ellende: [-0.6, 0.3], gedoe: [-0.4, 0.3], gezeik: [-0.6, 0.6],
  frustratie: [-0.6, 0.5], irritatie: [-0.5, 0.5], ergernis: [-0.5, 0.5], teleurstelling: [-0.6, 0.2],
  schande: [-0.8, 0.7], schandaal: [-0.7, 0.6], oplichting: [-0.9, 0.8], oplichterij: [-0.9, 0.8],
  oplichter: [-0.9, 0.9], oplichters: [-0.9, 0.9], fraude: [-0.8, 0.6], diefstal: [-0.8, 0.6], dieven: [-0.9, 0.9],
  boeven: [-0.8, 0.8], bedrog: [-0.8, 0.7], bedriegers: [-0.9, 0.9], zakkenvullers: [-0.8, 0.8],
  flessentrekkers: [-0.9, 0.9], afzetterij: [-0.8, 0.8], afzetters: [-0.8, 0.8], wanprestatie: [-0.7, 0.4],
  puinhoop: [-0.7, 0.5], zooitje: [-0.6, 0.5], bende: [-0.5, 0.4], chaos: [-0.5, 0.3], drama: [-0.6, 0.4],
  ramp: [-0.7, 0.3], onzin: [-0.6, 0.5], flauwekul: [-0.6, 0.5], lachertje: [-0.7, 0.6], wanbeleid: [-0.7, 0.5],
  minachting: [-0.7, 0.5], prutswerk: [-0.7, 0.6], knoeiwerk: [-0.7, 0.5], klantonvriendelijk: [-0.7, 0.4],
  // complaint verbs and participles
  klagen: [-0.4], klaag: [-0.4], geklaagd: [-0.4], ergeren: [-0.5, 0.5], erger: [-0.5, 0.5], ergert: [-0.5, 0.5],
  geergerd: [-0.5, 0.5], irriteren: [-0.5, 0.5], irriteert: [-0.5, 0.5], geirriteerd: [-0.5, 0.6], balen: [-0.5, 0.3],
  baal: [-0.5, 0.3], weigeren: [-0.4, 0.2], weigert: [-0.4, 0.2], geweigerd: [-0.4, 0.2], oplichten: [-0.9, 0.8],
  opgelicht: [-0.9, 0.8], belazerd: [-0.8, 0.8], belazeren: [-0.8, 0.8], bedrogen: [-0.8, 0.7], misleid: [-0.7, 0.6],
  misleidend: [-0.7, 0.6], afgezet: [-0.7, 0.6], genaaid: [-0.8, 0.8], beroofd: [-0.8, 0.7], negeren: [-0.5, 0.4],
  negeert: [-0.5, 0.4], genegeerd: [-0.6, 0.5], afgescheept: [-0.6, 0.5], afschepen: [-0.6, 0.5], kwijt: [-0.3],
  kwijtgeraakt: [-0.4], verloren: [-0.4], vergeten: [-0.3], mislukt: [-0.5], gefaald: [-0.5], faalt: [-0.5],
  beschadigd: [-0.5], crasht: [-0.4], gecrasht: [-0.4], vastgelopen: [-0.4], hangt: [-0.2], kapot: [-0.5],
  onterecht: [-0.6, 0.3], onrechte: [-0.5, 0.3], gedupeerd: [-0.6, 0.4], benadeeld: [-0.6, 0.4],
  // anger and judgement adjectives (override or add to Pattern)
  boos: [-0.6, 0.8], kwaad: [-0.6, 0.8], woedend: [-0.9, 1], razend: [-0.9, 1], laaiend: [-0.9, 1],
  pissig: [-0.7, 0.9], nijdig: [-0.6, 0.8], gefrustreerd: [-0.6, 0.6], teleurgesteld: [-0.5, 0.2],
  ontevreden: [-0.6, 0.3], verbijsterd: [-0.5, 0.4], geschokt: [-0.6, 0.4], schandalig: [-0.9, 0.8],
  belachelijk: [-0.8, 0.7], waardeloos: [-0.8, 0.6], onacceptabel: [-0.8, 0.6], onaanvaardbaar: [-0.8, 0.6],
  onbeschoft: [-0.7, 0.5], brutaal: [-0.5, 0.4], respectloos: [-0.7, 0.5], incompetent: [-0.7, 0.6],
  amateuristisch: [-0.7, 0.5], onprofessioneel: [-0.7, 0.5], triest: [-0.5, 0.2], treurig: [-0.5, 0.2],
  bedroevend: [-0.7, 0.3], slecht: [-0.7], slechte: [-0.7], slechter: [-0.7], slechtste: [-0.9, 0.2],
  abominabel: [-0.9, 0.5], ondermaats: [-0.6, 0.3], absurd: [-0.7, 0.5], idioot: [-0.7, 0.7], debiel: [-0.8, 0.8],
  lachwekkend: [-0.6, 0.5], walgelijk: [-0.9, 0.8], onbereikbaar: [-0.6, 0.4], traag: [-0.4, 0.1],
  onduidelijk: [-0.3], verschrikkelijk: [-0.8, 0.4], vreselijk: [-0.8, 0.4], rampzalig: [-0.8, 0.4],
  dubieus: [-0.5, 0.3], oneerlijk: [-0.6, 0.4], schaamteloos: [-0.8, 0.7], ongehoord: [-0.7, 0.6],
  // curses and insults: anger first of all
  kut: [-0.7, 0.9], klote: [-0.7, 0.8], kloteservice: [-0.8, 0.9], godverdomme: [-0.7, 1], verdomme: [-0.6, 0.8],
  tering: [-0.7, 1], tyfus: [-0.7, 1], kanker: [-0.7, 1], shit: [-0.5, 0.6], fuck: [-0.7, 0.9], fucking: [-0.6, 0.9],
  klootzakken: [-0.9, 1], klootzak: [-0.9, 1], eikels: [-0.8, 0.9], idioten: [-0.8, 0.9], sukkels: [-0.7, 0.8],
  prutsers: [-0.8, 0.8], beunhazen: [-0.8, 0.8], debielen: [-0.9, 1], criminelen: [-0.9, 0.9], maffia: [-0.8, 0.8],
  // positive words of customer care
  bedankt: [0.5], dank: [0.4], dankjewel: [0.5], dankuwel: [0.5], top: [0.6], super: [0.7], prima: [0.5],
  fijn: [0.5], goed: [0.5], goede: [0.5], uitstekend: [0.8], perfect: [0.8], geweldig: [0.8], fantastisch: [0.8], prachtig: [0.8], mooi: [0.5],
  tevreden: [0.6], blij: [0.6], opgelost: [0.5], snel: [0.3], vriendelijk: [0.5], behulpzaam: [0.6],
  compliment: [0.7], complimenten: [0.7], chapeau: [0.7], netjes: [0.4], tof: [0.6], gaaf: [0.6], lief: [0.5],
  aardig: [0.4], waardering: [0.5], fantastische: [0.8], heerlijk: [0.7], aanrader: [0.7],
  // words Pattern reads in another sense than customers do
  echt: [0], heel: [0], zeer: [0], erg: [-0.2], wel: [0], best: [0], zo: [0], vrij: [0], gewoon: [0],
  direct: [0], open: [0], groot: [0], klein: [0], nieuw: [0], oud: [0], vol: [0], leeg: [-0.1], duur: [-0.4],
  bereikbaar: [0.2], hoog: [0], laag: [0], lang: [0], eerlijk: [0.3], rustig: [0.1], gelukkig: [0.3],
});

/** multiplier for the next sentiment word: > 1 strengthens, < 1 weakens */
const INTENSIFIERS: Record<string, number> = {
  heel: 1.5, erg: 1.5, zeer: 1.5, echt: 1.4, super: 1.6, ontzettend: 1.8, enorm: 1.7, verschrikkelijk: 1.8,
  vreselijk: 1.8, totaal: 1.6, compleet: 1.6, volkomen: 1.6, volledig: 1.5, absoluut: 1.6, uiterst: 1.7,
  bijzonder: 1.4, hartstikke: 1.6, zwaar: 1.5, mega: 1.6, ongelooflijk: 1.8, extreem: 1.8, zo: 1.3, te: 1.2,
  nogal: 1.2, behoorlijk: 1.3, ronduit: 1.6, werkelijk: 1.4, gewoonweg: 1.4, ontiegelijk: 1.8,
  beetje: 0.6, redelijk: 0.7, vrij: 0.7, enigszins: 0.6, tamelijk: 0.7, ietwat: 0.6, wat: 0.8, best: 0.8, licht: 0.7,
};

/** [pattern on folded text, polarity, anger]: what single words cannot say */
const PHRASES: readonly (readonly [RegExp, number, number])[] = [
  [/\bte ?veel (betaald|gerekend|afgeschreven|in rekening|gefactureerd|geincasseerd)/g, -0.5, 0.2],
  [/\b(dubbel|twee ?keer|2 ?x|twee maal)( (?:[^.!?\n]|\.(?=\d)){0,25})? (betaald|afgeschreven|gerekend|in rekening|gefactureerd|geincasseerd)/g, -0.5, 0.2],
  [/\bnog (steeds|altijd) (niet|geen|niks|niets)\b/g, -0.5, 0.4],
  [/\bnog steeds\b/g, -0.2, 0.2],
  [/\b(alweer|wederom)\b/g, -0.3, 0.3],
  [/\b(voor|al|nu) de (tweede|derde|vierde|vijfde|zesde|zoveelste|\d+e) keer\b/g, -0.5, 0.6],
  [/\b(drie|vier|vijf|zes|tien|\d+) ?(keer|x) (gebeld|gemaild|contact|geprobeerd|gevraagd|geklaagd)/g, -0.4, 0.5],
  [/\b(ben|zijn|is) (het|dit) (spuug|meer dan )?(zat|beu)\b/g, -0.7, 0.8],
  [/\b(ben|zijn) (er|hier) (nu )?klaar mee\b/g, -0.7, 0.8],
  [/\bgenoeg is genoeg\b/g, -0.6, 0.8],
  [/\b(werkt|doet het|functioneert) (nog steeds |weer |alweer |helemaal |gewoon )?(niet|nooit)\b/g, -0.5, 0.1],
  [/\bgeen (enkele )?(reactie|antwoord|gehoor|bericht|terugkoppeling)\b/g, -0.5, 0.3],
  [/\bniemand (belt|reageert|neemt|helpt|antwoordt|luistert)/g, -0.5, 0.4],
  [/\b(nooit|niet) (meer )?(terug ?gebeld|gereageerd|geantwoord|teruggekoppeld)/g, -0.5, 0.3],
  [/\bwat een (grap|lachertje|puinhoop|zooi|bende|klantenservice|service)\b/g, -0.7, 0.7],
  [/\bvan het kastje naar de muur\b/g, -0.6, 0.6],
  [/\bik (eis|verlang)\b/g, -0.2, 0.5],
  [/\bschaam (je|jullie)\b|\bschamen\b/g, -0.6, 0.7],
  [/\bnooit meer\b/g, -0.5, 0.5],
  [/\bhoe (is het )?mogelijk\b/g, -0.3, 0.4],
  [/\bhet (slaat|raakt) nergens op\b/g, -0.7, 0.6],
  [/\b(hartelijk|heel erg|enorm|super|ontzettend) bedankt\b/g, 0.8, 0],
  [/\b(goed|snel|prima|perfect) geholpen\b/g, 0.6, 0],
];

/** greetings whose words would otherwise count: "met vriendelijke groet", "beste Jan" */
const IGNORE = /\b(met )?(vriendelijke|hartelijke|beste|lieve) groet(en|jes)?\b|^\s*(beste|geachte|lieve)\b/g;

export const DUTCH: LexiconData = { words: WORDS, intensifiers: INTENSIFIERS, phrases: PHRASES, ignore: IGNORE };
