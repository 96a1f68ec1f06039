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
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1;

/** Adjusts the scores of distinct amounts (in place) by the sums among them. */
export function weighSums(values: AmountValue[]): void {
  const free = values.filter((v) => !v.reference && !v.rate);
  const extras = new Set<AmountValue>();
  const totals = new Set<AmountValue>();
  for (const total of free) {
    for (const ref of values.filter((v) => v.reference && v.currency === total.currency)) {
      const extra = free.find((p) => p !== total && p.currency === total.currency && near(ref.cents + p.cents, total.cents));
      if (extra) {
        extras.add(extra);
        totals.add(total);
      }
    }
  }
  for (const e of extras) e.score += 1.5;
  for (const t of totals) t.score -= 1.5;
  if (extras.size) return;
  for (const total of free) {
    const parts = free.filter((p) => p !== total && p.currency === total.currency);
    const sumOfParts = parts.length >= 2 && near(parts.reduce((s, p) => s + p.cents, 0), total.cents);
    const timesRate = values.some((r) => r.rate && r.currency === total.currency && r.cents > 0 && total.cents / r.cents >= 2 && near(Math.round(total.cents / r.cents) * r.cents, total.cents));
    if (sumOfParts || timesRate) total.score += 1;
  }
}
