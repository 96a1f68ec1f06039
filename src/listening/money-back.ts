/**
 * "I want money back", said by its shape rather than by a refund word: a sentence that names money
 * (an amount, or a money noun such as bedrag, borg, kosten, deposit, fee) and a word of giving it back
 * (terug, retour, vergoeden, overmaken, back, repay), or asks how a charge will be settled (verrekenen).
 * "Kan één van die 2 bedragen terug?", "stuur die borg van 850 euro terug", "I want every single cent
 * back", "I haven't received the €180 back yet" — none says "refund". Works on foldForMatching text.
 */

const MONEY = new RegExp(
  [
    String.raw`€ ?\d`,
    String.raw`\d+(?:[.,]\d{1,2})? ?(?:euro|eur|cent|dollar|pond)\b`,
    String.raw`\b(?:geld|bedrag|bedragen|bedragje|kosten|borg|waarborgsom|premie|tegoed|saldo|abonnementsgeld|contributie|inleg|aanbetaling|centen|cent|euro)\b`,
    String.raw`\b(?:money|amount|amounts|deposit|fee|fees|charge|charges|cost|costs|cents?|penny|pennies|euros?|dollars?|pounds?)\b`,
    // what was taken: "stort terug wat is afgeschreven"
    String.raw`\b(?:afgeschreven|afgeboekt|geincasseerd|incasseren|ingehouden|betaalde?|charged|deducted|debited|paid)\b`,
  ].join('|'),
);

// Dutch: "terug" (also separable: "stuur … terug", "krijg ik … terug"), retour, vergoeden, overmaken
const GIVE_BACK_NL = /\b(?:terug(?:krijg\w*|gekregen|storten|stort|staat|staan|sturen|stuur\w*|ontvang\w*|geven|geeft|boek\w*|betaal\w*)?|retour|vergoed(?:en|t|e|ing)?|overmaken|over te maken)\b/;
// English: "back" within a few words after the money ("the €180 back", "every single cent back"), repay, pay for the damage
const GIVE_BACK_EN = new RegExp(
  [
    String.raw`(?:€ ?\d[\d.,]*|\b(?:money|amount|deposit|fee|fees|charge|charges|cost|costs|cents?|penny|euros?|dollars?|pounds?))\b(?:\W+\w+){0,3}\W+back\b`,
  ].join('|'),
);
// Settling what was charged wrongly ("Hoe wordt dat verrekend?"), paying back, paying for the damage: whatever the sentence names
const SETTLE = /\b(?:verreken\w*|credit(?:ed)? back|repay|pay (?:me )?back|pay for (?:\w+ ){0,4}(?:damage|damages|repairs?))\b/;
// "back" and "terug" that are not about money: being called back, coming back, sending goods back
const NOT_MONEY = /\b(?:terugbel\w*|bel\w* (?:\w+ ){0,3}terug|terugkom\w*|kom\w* (?:\w+ ){0,3}terug|teruggekomen|terugkoppel\w*|terugzien|terug ?naar|call(?:ed|ing)? (?:me |us )?back|get(?:ting)? back to|come back|came back|cash ?back|(?:is|are|was|were|been|appeared|returned|placed) (?:\w+ )?back)/g;

/** Does a sentence of the (folded) text ask for money back, in so many shapes? */
export function asksMoneyBack(folded: string): boolean {
  let moneyBefore = false;
  for (const raw of folded.split(/(?<=[.!?;\n])\s*/)) {
    const sentence = raw.replace(NOT_MONEY, ' ');
    if (SETTLE.test(sentence)) return true;
    // the money may be named in the sentence before: "De installateur vroeg 65 euro. Dat wil ik terug."
    const money = MONEY.test(sentence);
    if ((money || moneyBefore) && GIVE_BACK_NL.test(sentence)) return true;
    if (money && GIVE_BACK_EN.test(sentence)) return true;
    moneyBefore = money;
  }
  return false;
}
