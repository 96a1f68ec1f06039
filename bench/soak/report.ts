/**
 * The soak's arithmetic and its chart: percentiles, phases, and a hand-written SVG of the 250 → visible p95 and the job
 * backlog over time (no charting dependency).
 */
export interface Phase { name: string; from: number; to: number; rate: number }
export interface Sample {
  /** epoch ms */
  at: number;
  due: number;
  running: number;
  analyseQueued: number;
  failed: number;
  accepted: number;
  /** mails and API posts due and not answered yet (the senders' queue) */
  waiting: number;
  /** CPU seconds so far per process name, postgres backends and background included */
  cpu: Record<string, number>;
  /** MB per process name */
  rss: Record<string, number>;
  load: number;
}

export const pct = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
export const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
export const triple = (xs: number[]) => `p50 ${fmt(pct(xs, 50))} / p95 ${fmt(pct(xs, 95))} / p99 ${fmt(pct(xs, 99))} ms (n=${xs.length})`;

export function phaseOf(phases: Phase[], at: number): Phase | null {
  return phases.find((p) => at >= p.from && at < p.to) ?? null;
}

/** p95 of `value` per bucket of `bucketMs`, by `at`. */
function bucketP95(points: { at: number; value: number }[], start: number, bucketMs: number): { t: number; p95: number; n: number }[] {
  const buckets = new Map<number, number[]>();
  for (const p of points) {
    const b = Math.floor((p.at - start) / bucketMs);
    let xs = buckets.get(b);
    if (!xs) buckets.set(b, (xs = []));
    xs.push(p.value);
  }
  return [...buckets].sort((a, b) => a[0] - b[0]).map(([b, xs]) => ({ t: (b + 0.5) * bucketMs, p95: pct(xs, 95), n: xs.length }));
}

/** Latency p95 (left axis, log scale) and job backlog (right axis) over the run, phases shaded. */
export function chartSvg(o: {
  title: string; start: number; end: number; phases: Phase[]; visible: { at: number; value: number }[];
  analysed: { at: number; value: number }[]; samples: Sample[]; bucketMs: number;
}): string {
  const W = 960, H = 420, L = 70, R = 80, T = 40, B = 50;
  const pw = W - L - R, ph = H - T - B;
  const span = Math.max(1, o.end - o.start);
  const x = (ms: number) => L + (ms / span) * pw;
  const vis = bucketP95(o.visible, o.start, o.bucketMs);
  const ana = bucketP95(o.analysed, o.start, o.bucketMs);
  const maxLat = Math.max(1000, ...vis.map((p) => p.p95), ...ana.map((p) => p.p95));
  const decades = Math.ceil(Math.log10(maxLat));
  const yLat = (v: number) => T + ph - (Math.log10(Math.max(10, v)) - 1) / (decades - 1) * ph;
  const maxBacklog = Math.max(10, ...o.samples.map((s) => Math.max(s.due + s.running, s.waiting)));
  const niceMax = 10 ** Math.floor(Math.log10(maxBacklog)) * Math.ceil(maxBacklog / 10 ** Math.floor(Math.log10(maxBacklog)));
  const yJobs = (v: number) => T + ph - (v / niceMax) * ph;
  const line = (pts: [number, number][]) => pts.map(([a, b], i) => `${i ? 'L' : 'M'}${a.toFixed(1)},${b.toFixed(1)}`).join(' ');
  const colours = ['#eef3fb', '#ffffff', '#fdeeee', '#f1f8ee'];
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<title>${o.title}</title>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14">${o.title}</text>`,
  ];
  o.phases.forEach((p, i) => {
    const a = x(p.from - o.start), b = x(Math.min(p.to, o.end) - o.start);
    out.push(`<rect x="${a.toFixed(1)}" y="${T}" width="${Math.max(0, b - a).toFixed(1)}" height="${ph}" fill="${colours[i % colours.length]}"/>`);
    out.push(`<text x="${((a + b) / 2).toFixed(1)}" y="${T + 14}" text-anchor="middle" fill="#555">${p.name} (${fmt(p.rate, 1)}/s)</text>`);
  });
  for (let d = 1; d <= decades; d++) {
    const v = 10 ** d, y = yLat(v);
    out.push(`<line x1="${L}" x2="${L + pw}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#ddd"/>`);
    out.push(`<text x="${L - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${v >= 1000 ? `${v / 1000} s` : `${v} ms`}</text>`);
  }
  for (let k = 0; k <= 4; k++) {
    const v = (niceMax * k) / 4, y = yJobs(v);
    out.push(`<text x="${L + pw + 6}" y="${(y + 4).toFixed(1)}" fill="#b35c00">${fmt(v)}</text>`);
  }
  const minutes = span / 60_000;
  const step = minutes > 60 ? 15 : minutes > 20 ? 5 : 1;
  for (let m = 0; m <= minutes; m += step) {
    out.push(`<text x="${x(m * 60_000).toFixed(1)}" y="${T + ph + 18}" text-anchor="middle">${m}</text>`);
  }
  out.push(`<text x="${L + pw / 2}" y="${H - 10}" text-anchor="middle">minutes since the start</text>`);
  out.push(`<text transform="translate(16 ${T + ph / 2}) rotate(-90)" text-anchor="middle">p95 latency from the SMTP 250 (log)</text>`);
  out.push(`<text transform="translate(${W - 14} ${T + ph / 2}) rotate(90)" text-anchor="middle" fill="#b35c00">jobs / mails waiting</text>`);
  out.push(`<line x1="${L}" x2="${L + pw}" y1="${yLat(1000).toFixed(1)}" y2="${yLat(1000).toFixed(1)}" stroke="#2a7" stroke-dasharray="4 3"/>`);
  out.push(`<line x1="${L}" x2="${L + pw}" y1="${yLat(5000).toFixed(1)}" y2="${yLat(5000).toFixed(1)}" stroke="#c33" stroke-dasharray="4 3"/>`);
  out.push(`<path d="${line(o.samples.map((s) => [x(s.at - o.start), yJobs(s.due + s.running)]))}" fill="none" stroke="#e08a00" stroke-width="1.5"/>`);
  out.push(`<path d="${line(o.samples.map((s) => [x(s.at - o.start), yJobs(s.waiting)]))}" fill="none" stroke="#e08a00" stroke-width="1.5" stroke-dasharray="5 3"/>`);
  out.push(`<path d="${line(ana.map((p) => [x(p.t), yLat(p.p95)]))}" fill="none" stroke="#7a4fc9" stroke-width="1.5"/>`);
  out.push(`<path d="${line(vis.map((p) => [x(p.t), yLat(p.p95)]))}" fill="none" stroke="#1f5fbf" stroke-width="2"/>`);
  out.push(`<rect x="${L}" y="${T}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`);
  const legend: [string, string][] = [['#1f5fbf', '250 → live event on a stream, p95'], ['#7a4fc9', '250 → analysis stored, p95'],
    ['#e08a00', 'jobs waiting + running (right axis)'], ['#2a7', 'goal 1 s (average)'], ['#c33', 'goal 5 s (peak)']];
  legend.push(['#e08a00 dashed', "mails due without their 250 (right axis)"]);
  legend.forEach(([c, label], i) => {
    const lx = L + 10 + (i % 3) * 250, ly = T + 30 + Math.floor(i / 3) * 16;
    const [colour, dashed] = c.split(' ');
    out.push(`<line x1="${lx}" x2="${lx + 18}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"${dashed ? ' stroke-dasharray="5 3"' : ''}/><text x="${lx + 22}" y="${ly + 4}">${label}</text>`);
  });
  out.push(`<text x="${L}" y="${H - 10}" fill="#777" font-size="10">≤ 10 ms (live before the sender had its 250) drawn at 10 ms</text>`);
  out.push('</svg>');
  return out.join('\n');
}
