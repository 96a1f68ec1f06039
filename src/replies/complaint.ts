/**
 * Is the customer's message a complaint? Until listening (C3) stores an intent per message,
 * this lexicon decides whether a reply needs an apology. It errs towards "complaint": an
 * apology too many costs less than one too few.
 */
const COMPLAINT =
  /\b(klacht\w*|klaag\w*|boos|woedend|teleurgesteld|schandalig|belachelijk|onacceptabel|onbeschoft|te veel|teveel|dubbel|twee keer|nog steeds|alweer|weer niet|niet (ge)?\w*|geen \w+|kapot|stuk|storing|fout\w*|verkeerd\w*|probleem|problemen|vergeten|nooit|wachten|gewacht|terugbetal\w*|geld terug|opzeggen|afgeschreven|complain\w*|angry|furious|disappointed|unacceptable|ridiculous|terrible|awful|broken|not working|doesn'?t work|didn'?t|never|still|again|wrong|error|overcharged|charged twice|double[- ]charged|refund|waiting|waited|cancel\w*|problem|issue|fault\w*|mistake)\b/i;

export function looksLikeComplaint(text: string): boolean {
  return COMPLAINT.test(text);
}
