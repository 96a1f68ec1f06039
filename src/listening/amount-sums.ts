/**
 * What the amounts of one complaint add up to, and what that says about which one is disputed.
 * Customers do the sums in their text: "my bill went from the usual €19 to €131.60 because of
 * €112.60 roaming"; "abonnement €22,50 (klopt), roaming €44,80, totaal €67,30"; "€12,10, €9,70 en
 * €31,55, samen €53,35"; "€44,15 per lijn, totaal €264,90". The relations are arithmetic, so they
 * hold in any wording and language:
 * - a total that is a usual or accepted amount plus one more: the one more is in dispute (the
 *   extra, the difference), not the total;
 * - a total of every other amount (none of them called usual or right), or a number of times a
 *   rate: the total is what is disputed, not one of its parts.
 */
export interface AmountValue {
  cents: number;
  currency: string;
  score: number;
  /** called usual, expected or right by the text */
  reference: boolean;
  /** a price per unit ("€44,15 per lijn") */
  rate: boolean;
  /** called right by the customer ("€22,50 (klopt)"): a part of the bill not in dispute */
  acknowledged?: boolean;
  /** worded as a difference, an overcharge or what is asked back ("het verschil van", "€14 te veel") */
  difference?: boolean;
  /** named as an item of a bill ("waarvan €33,10 voor", "due to £22.25 of") */
  item?: boolean;
  /** asked back ("graag €14,40 terug"), not said to be charged */
  refund?: boolean;
  /** named as a total ("samen", "in totaal") */
  total?: boolean;
  /** given as the outcome of a sum ("dus €27,10") */
  computed?: boolean;
  /** one end of a balance's move */
  balance?: boolean;
  /** said to be taken */
  charged?: boolean;
  /** set here: the sums leave the choice to a person (a usual price plus an amount that is neither item nor difference) */
  unsure?: boolean;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1;

/**
 * Adjusts the scores of distinct amounts (in place) by the sums among them. A usual price plus
 * another amount making a third: the other is the disputed extra when it is named as an item of
 * the bill or the usual part is called right; it is the difference (and the third the charge)
 * when it is worded as one ("het verschil", "te veel", asked back) — unless the customer quotes the
 * lines of a bill (`billLines`), where the difference may be a line of its own; otherwise nobody can
 * tell from the sum, and both are marked unsure.
 */
export function weighSums(values: AmountValue[], opts: { billLines?: boolean } = {}): void {
  const free = values.filter((v) => !v.reference && !v.rate);
  const extras = new Set<AmountValue>();
  const totals = new Set<AmountValue>();
  let related = false;
  for (const total of free) {
    for (const ref of values.filter((v) => v.reference && v.currency === total.currency)) {
      const extra = free.find((p) => p !== total && p.currency === total.currency && near(ref.cents + p.cents, total.cents));
      if (!extra) continue;
      related = true;
      if ((extra.item || ref.acknowledged) && !extra.difference) {
        extras.add(extra);
        totals.add(total);
      } else if ((extra.difference || extra.refund || extra.computed) && !opts.billLines) {
        // "€15 meer dan normaal", "tien euro te veel", "ik wil €36 terug", "so €27.10": the difference; the charge is the total
        extra.score -= 1.5;
        total.score += 1;
      } else {
        // not worded at all, or the customer quotes the lines of a bill (the difference may be a line of its own):
        // which one a reply should name is a person's call
        extra.unsure = true;
        total.unsure = true;
      }
    }
  }
  for (const e of extras) e.score += 1.5;
  for (const t of totals) t.score -= 1.5;
  if (related) return;
  // a total of every other amount (none of them called usual or right), or a number of times a rate: the total
  for (const total of free.filter((t) => !t.balance)) {
    const parts = free.filter((p) => p !== total && p.currency === total.currency && !p.balance);
    const sumOfParts = parts.length >= 2 && near(parts.reduce((s, p) => s + p.cents, 0), total.cents);
    const timesRate = values.some((r) => r.rate && r.currency === total.currency && r.cents > 0 && total.cents / r.cents >= 2 && near(Math.round(total.cents / r.cents) * r.cents, total.cents));
    if (sumOfParts || timesRate) {
      total.score += 1;
      related = true;
    }
    // every part disputed, the total named as such ("€12,10, €9,70 en €31,55, samen €53,35"): the parts give way
    if (sumOfParts && total.total) {
      total.score += 0.5;
      for (const p of parts) p.score -= 0.5;
    }
  }
  if (related) return;
  // what a balance's move took ("tegoed van €25 naar €3,40 … €21,60"); the difference of two charges named
  for (const x of free.filter((v) => !v.balance)) {
    const pair = values.find((a) => a !== x && !a.rate && a.currency === x.currency && values.some((b) => b !== a && b !== x && !b.rate && b.currency === x.currency && near(a.cents - b.cents, x.cents)));
    if (!pair) continue;
    // (the balance's move is told apart from its new end by the words: "er is dus €15,65 van af gegaan" beside "is het €4,35")
    const other = values.find((b) => b !== pair && b !== x && !b.rate && b.currency === x.currency && near(pair.cents - b.cents, x.cents));
    if (pair.balance && !(other && (other.charged || other.computed) && !x.charged && !x.computed)) x.score += 1.5;
    else if (x.difference || x.refund || x.computed) {
      x.score -= 1;
      pair.score += 0.5;
    }
  }
}
