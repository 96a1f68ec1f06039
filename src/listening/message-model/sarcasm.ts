/**
 * Sarcasm and irony cues on folded text: praise that the rest of the message takes back. Not a
 * list of sarcastic sentences but of the two halves that make one: a word of praise or thanks,
 * and a complaint context beside it (waiting again, still nothing, a duration, "voor niks").
 * - `nothing`: thanks or praise for nothing ("bedankt voor niks", "thanks for nothing");
 * - `praise-trouble`: praise or thanks in a message that also says it went wrong again, still
 *   does not work, or took weeks ("Geweldige service, alweer 3 weken wachten");
 * - `quoted`: praise in quotation marks ("jullie 'service'");
 * - `eye-roll`: 🙄 🙃 😒, or "echt waar?", "seriously?".
 * Used as features by the message model and, for the two strong cues, to turn the lexicon's
 * positive reading round before it is combined (analyse-message.ts).
 */
export type SarcasmCue = 'nothing' | 'praise-trouble' | 'quoted' | 'eye-roll';

const PRAISE = String.raw`(bedankt|dank je|dank u|dankjewel|dankuwel|merci|thanks|thank you|cheers|geweldig|geweldige|fantastisch|fantastische|top|topservice|super|prachtig|prachtige|fijn|fijne|lekker|heerlijk|heerlijke|knap|chapeau|bravo|hulde|goed bezig|goed geregeld|great|fantastic|brilliant|wonderful|perfect|lovely|awesome|amazing|excellent|nice|well done|good job|what a service|wat een service|klantvriendelijk|top service)`;
const NOTHING = new RegExp(String.raw`\b(bedankt|dank je|dank u|dankjewel|dankuwel|thanks|thank you|merci)( (wel|hoor|a lot|so much|again|weer))? (voor|for) (niks|niets|nothing|helemaal niks|helemaal niets|absolutely nothing)\b`);
const PRAISE_RE = new RegExp(String.raw`\b${PRAISE}\b`);
const TROUBLE = new RegExp(
  [
    String.raw`\b(alweer|weer eens|opnieuw|wederom|nog steeds|nog altijd|for the \w+ time|again|still|yet again|once again)\b`,
    String.raw`\b(\d+|drie|vier|vijf|zes|tien|three|four|five|six|ten|several) (uur|uren|dagen|weken|maanden|hours|days|weeks|months)\b`,
    String.raw`\b(wachten|gewacht|wacht|waiting|waited|wait)\b`,
    String.raw`\b(niks|niets|nothing|geen reactie|geen antwoord|no reply|no answer|no response)\b`,
    String.raw`\b(kapot|stuk|werkt niet|doet het niet|broken|doesn't work|not working|storing|outage|vergeten|forgot|forgotten|kwijt|lost)\b`,
  ].join('|'),
);
const QUOTED = new RegExp(String.raw`["'](klantenservice|service|hulp|klantvriendelijk\w*|snel\w*|help|support|customer service|fast|quick)["']`);
const EYE_ROLL = /\u{1F644}|\u{1F643}|\u{1F612}|\becht waar\?|\bserieus\?|\bseriously\?|\breally\?|\bnot\b.{0,3}\bimpressed\b/u;

/** The sarcasm cues in a folded message; `lexiconSentiment` is the lexicon's reading (-1..1). */
export function sarcasmCues(folded: string, lexiconSentiment: number): SarcasmCue[] {
  const out: SarcasmCue[] = [];
  if (NOTHING.test(folded)) out.push('nothing');
  if (PRAISE_RE.test(folded) && TROUBLE.test(folded) && lexiconSentiment > -0.5) out.push('praise-trouble');
  if (QUOTED.test(folded)) out.push('quoted');
  if (EYE_ROLL.test(folded)) out.push('eye-roll');
  return out;
}

/** A strong cue: praise the message itself takes back. */
export function isSarcastic(cues: readonly SarcasmCue[]): boolean {
  return cues.includes('nothing') || cues.includes('quoted') || (cues.includes('praise-trouble') && cues.includes('eye-roll'));
}
