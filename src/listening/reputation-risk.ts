import { foldForMatching } from '../text/normalise.ts';

/**
 * Reputation risk: does the customer mention, or threaten to go to, the media, a regulator, a
 * dispute body, a lawyer or social media? Parkmobile learnt about its overcharging from a
 * consumer TV programme; a message that says "ik stap naar Radar" must reach a supervisor first.
 *
 * Level 0 none; 1 social media or a general word ("de krant", "a review"); 2 a named programme,
 * paper, journalist, regulator or dispute body; 3 lawyers and legal action, or mentions of two
 * or more kinds. Spans are offsets into the text as given.
 */
export type MentionKind = 'media' | 'regulator' | 'lawyer' | 'social' | 'dispute_body';

export interface Mention {
  kind: MentionKind;
  text: string;
  start: number;
  end: number;
}

export interface ReputationRisk {
  level: 0 | 1 | 2 | 3;
  mentions: Mention[];
}

interface Rule {
  kind: MentionKind;
  /** level of this mention on its own */
  level: 1 | 2 | 3;
  re: RegExp;
  /** match the original text (names whose capital letter tells them from a common word) */
  cased?: boolean;
}

const ARTICLE_BEFORE = String.raw`(?<!\b(?:[Dd]e|[Hh]et|[Ee]en|[Tt]he|[Aa]) )`;
const PLATFORM = String.raw`(twitter|x|facebook|fb|insta|instagram|tiktok|linkedin|youtube|reddit|threads|bluesky|mastodon|social media|sociale media|socials|internet|het internet|online|trustpilot|google|kieskeurig|klantenvertellen)`;

const RULES: Rule[] = [
  // consumer programmes, shows and papers whose names are also common words: capital letter, no article
  { kind: 'media', level: 2, cased: true, re: new RegExp(String.raw`${ARTICLE_BEFORE}\b(Radar|Kassa|Zembla|Pointer|Trouw|Parool)\b`, 'g') },
  { kind: 'media', level: 2, cased: true, re: /\bOpgelicht\s*\?!?|\b(?:naar|bij|programma|tv-programma|uitzending van) Opgelicht\b/g },
  { kind: 'media', level: 2, cased: true, re: /\b(NOS|RTL|SBS|NRC|BNR|AVROTROS|BNNVARA|KRO-NCRV|NPO|BBC|ITV|CNN|AD)\b/g },
  {
    kind: 'media',
    level: 2,
    re: /\b(tros radar|radar van avrotros|telegraaf|volkskrant|algemeen dagblad|nrc handelsblad|metro nieuws|eenvandaag|een vandaag|nieuwsuur|hart van nederland|keuringsdienst van waarde|rtl nieuws|rtl boulevard|editienl|opgelicht\?!|watchdog|rip ?off britain|daily mail|the guardian|the times|which\?)/g,
  },
  { kind: 'media', level: 2, re: /\b(journalist|journalisten|journaliste|verslaggever|verslaggevers|redactie|journalists?|reporters?|press office)\b/g },
  { kind: 'media', level: 1, re: /\b(de|het|in de|naar de) (krant|kranten|pers|media|televisie|tv|nieuws)\b|\b(newspapers?|the press|the media|the news|on tv|on television)\b/g },
  // regulators
  {
    kind: 'regulator',
    level: 2,
    re: /\b(autoriteit consument (en|&) markt|autoriteit financiele markten|autoriteit persoonsgegevens|de nederlandsche bank|consuwijzer|nvwa|agentschap telecom|rijksinspectie digitale infrastructuur|toezichthouder|toezichthouders|financial conduct authority|information commissioner|trading standards|ofcom|ofgem|ofwat|competition and markets authority|federal trade commission|consumer financial protection bureau|attorney general|regulator|regulators|data protection authority)\b/g,
  },
  { kind: 'regulator', level: 2, cased: true, re: /\b(ACM|AFM|DNB|AP|ICO|FCA|CMA|FTC|CFPB|EDPB)\b/g },
  // dispute bodies and consumer organisations that take up complaints
  {
    kind: 'dispute_body',
    level: 2,
    re: /\b(geschillencommissie|geschillencommissies|kifid|klachteninstituut financiele dienstverlening|ombudsman|ombudsmannen|ombudsvrouw|consumentenbond|geschillen ?instantie|financial ombudsman|better business bureau|arbitration|mediation|small claims court|small claims)\b/g,
  },
  { kind: 'dispute_body', level: 2, cased: true, re: /\b(BBB|ADR|ODR)\b/g },
  // lawyers and legal action
  {
    kind: 'lawyer',
    level: 3,
    re: /\b(advocaat|advocaten|jurist|juristen|juridische? (stappen|actie|weg|hulp)|juridisch|rechtszaak|rechtzaak|(naar|bij|voor) de rechter|de rechter (inschakelen|laten|beslissen)|rechtbank|kantonrechter|kort geding|dagvaarding|dagvaarden|dagvaard|ingebrekestelling|in gebreke (stellen|gesteld)|sommatie|aansprakelijk (stellen|gesteld)|rechtsbijstand(sverzekering)?|aangifte (doen|gedaan|gaan doen)|(doe|doen|ga) aangifte|lawyer|lawyers|attorney|attorneys|solicitor|solicitors|legal (action|steps|advice|proceedings|team|counsel)|lawsuit|class action|take (you|this|them|it) to court|see you in court|court case|suing|legal department)\b/g,
  },
  { kind: 'lawyer', level: 3, cased: true, re: /\b(sue|Sue (you|them|your company|the company))\b/g },
  // going public on social media or review sites
  {
    kind: 'social',
    level: 1,
    re: new RegExp(
      String.raw`\b(zet|zetten|gezet|post|posten|gepost|plaats|plaatsen|geplaatst|gooi|gooien|gegooid|deel|delen|gedeeld|slinger|slingeren|tweet|tweeten|getweet)\b.{0,30}\bop ${PLATFORM}\b` +
        String.raw`|\bop ${PLATFORM} (zetten|gooien|plaatsen|posten|delen|slingeren)\b` +
        String.raw`|\b(dit|dat|het|alles) (gaat|komt) (\w+ )?op ${PLATFORM}\b` +
        String.raw`|\b(post|posting|posted|share|sharing|shared|put|putting|write about|tweet|tweeting)\b.{0,30}\b((on|to|all over) ${PLATFORM}|online)\b` +
        String.raw`|\bik ga (dit|dat|het) (delen|wereldkundig maken|openbaar maken|naar buiten brengen|aan iedereen vertellen)\b` +
        String.raw`|\b(going public|go public|go viral|tell everyone|tell everybody|warn (everyone|others|other people))\b` +
        String.raw`|\b(iedereen waarschuwen|anderen waarschuwen|iedereen gaat (dit|dat|het) weten)\b` +
        String.raw`|\b(slechte|negatieve|vernietigende) (review|reviews|recensie|recensies|beoordeling)\b|\b(bad|negative|1-star|one-star|one star) reviews?\b|\btrustpilot\b`,
      'g',
    ),
  },
];

// Most messages mention nothing of the kind: one scan of each text says so.
const anyOf = (rules: Rule[]) => new RegExp(rules.map((r) => `(?:${r.re.source})`).join('|'));
const ANY_CASED = anyOf(RULES.filter((r) => r.cased));
const ANY_FOLDED = anyOf(RULES.filter((r) => !r.cased));

/** `folded`: foldForMatching(text), when the caller has it already. */
export function assessReputationRisk(text: string, folded = foldForMatching(text)): ReputationRisk {
  const mentions: (Mention & { level: number })[] = [];
  if (!ANY_CASED.test(text) && !ANY_FOLDED.test(folded)) return { level: 0, mentions: [] };
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (const m of (rule.cased ? text : folded).matchAll(rule.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (mentions.some((x) => start < x.end && end > x.start)) continue;
      mentions.push({ kind: rule.kind, text: text.slice(start, end), start, end, level: rule.level });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  const kinds = new Set(mentions.map((m) => m.kind));
  let level = mentions.reduce((l, m) => Math.max(l, m.level), 0);
  if (kinds.size >= 2) level = 3;
  return { level: level as ReputationRisk['level'], mentions: mentions.map(({ level: _, ...m }) => m) };
}
