/** The spike detector's reason in words, from the strongest kind of evidence. */
export type EvidenceKind = 'value' | 'volatility' | 'level' | 'seasonal' | 'novelty' | 'range';

export function explain(
  kind: EvidenceKind,
  c: { x: number; expected: number; seasonKind: string; held: boolean; alarm: boolean; surprise: number; up: boolean },
): string {
  const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));
  const what = {
    value: `${fmt(c.x)} is ${c.up ? 'above' : 'below'} what this series usually shows`,
    volatility: 'the series swings much more than usual',
    level: `sustained ${c.up ? 'rise' : 'drop'} over the last 24 buckets`,
    seasonal: `${fmt(c.x)} against ${fmt(c.expected)} expected for ${c.seasonKind || 'this time'}`,
    novelty: 'the recent pattern is unlike anything this series showed in the last days',
    range: `${fmt(c.x)} is ${c.up ? 'higher' : 'lower'} than anything this series has shown before`,
  }[kind];
  const p = `p ~ 1e-${c.surprise.toFixed(1)}`;
  if (c.alarm) return `spike: ${what} (${p})`;
  if (c.held) return `within the hold-off after the last alarm; ${what} (${p})`;
  return `normal: ${what} (${p})`;
}
