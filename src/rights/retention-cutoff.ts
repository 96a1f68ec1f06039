/**
 * The moment before which data falls under a rule of `months` months: calendar months back from
 * now (31 March minus one month is the last day of February), or null when the rule is off.
 */
export function retentionCutoff(now: Date, months: number | null): Date | null {
  if (months === null) return null;
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
