import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hourlySeries, newTopicSignal } from './new-topic-signal.ts';
import { createSpikeDetector, type SpikeUpdate } from './spike-detector.ts';
import { poissonSurprise } from './surprise.ts';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 5); // a Monday

/** A small deterministic PRNG so the tests never flake. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
function poisson(lambda: number, u: () => number): number {
  let k = 0;
  let p = Math.exp(-lambda);
  let c = p;
  const r = u();
  while (r > c && k < 1000) {
    k++;
    p *= lambda / k;
    c += p;
  }
  return k;
}
/** Hourly complaint counts: busy on weekday office hours, quiet at night and at weekends. */
function rate(h: number): number {
  const d = new Date(START + h * HOUR);
  const hour = d.getUTCHours();
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
  return (hour >= 8 && hour < 18 ? 6 : 0.5) * (weekend ? 0.3 : 1);
}
function run(hours: number, extra: (h: number) => number = () => 0, seed = 7) {
  const u = rng(seed);
  const det = createSpikeDetector();
  const out: SpikeUpdate[] = [];
  for (let h = 0; h < hours; h++) out.push(det.update(new Date(START + h * HOUR), poisson(rate(h), u) + extra(h)));
  return { det, out };
}

test('learns during warm-up and gives score 0 there', () => {
  const { out } = run(200);
  for (const r of out.slice(0, 168)) {
    assert.equal(r.score, 0);
    assert.match(r.reason, /learning/);
  }
});

test('the daily and weekly rhythm of hourly counts raises no alarm over eight weeks', () => {
  const { out } = run(24 * 56);
  const alarms = out.filter((r) => r.alarm).length;
  assert.ok(alarms <= 1, `${alarms} false alarms`);
  for (const r of out) assert.ok(r.score >= 0 && r.score <= 1);
});

test('a burst of complaints fires within the hour it starts, with the expected count and a reason', () => {
  const burstAt = 24 * 42 + 10; // a Monday, 10:00
  const { out } = run(24 * 49, (h) => (h >= burstAt && h < burstAt + 3 ? 25 : 0));
  const first = out.findIndex((r) => r.alarm);
  assert.equal(first, burstAt);
  assert.ok(out[first].score >= 0.5);
  assert.ok(out[first].expected > 2 && out[first].expected < 12, `expected ${out[first].expected}`);
  assert.match(out[first].reason, /^spike:/);
  // one alarm per episode: the next hours of the same burst are held down
  assert.ok(!out[burstAt + 1].alarm && !out[burstAt + 2].alarm);
});

test('counts are judged against their hour: 15 an hour for 3 hours fires at night, not on a weekday afternoon', () => {
  const night = 24 * 42 + 2; // Monday 02:00-05:00, expected ~0.5 an hour
  const afternoon = 24 * 50 + 13; // a week later, Tuesday 13:00-16:00, expected ~6 an hour
  const burst = (h: number) => (h >= night && h < night + 3) || (h >= afternoon && h < afternoon + 3);
  const { out } = run(24 * 56, (h) => (burst(h) ? Math.round(15 - rate(h)) : 0));
  const nightAlarm = out.slice(night, night + 3).findIndex((r) => r.alarm);
  assert.ok(nightAlarm >= 0, out[night + 2].reason);
  assert.ok(out[night + nightAlarm].expected < 2);
  assert.ok(!out.slice(afternoon, afternoon + 3).some((r) => r.alarm), out[afternoon + 2].reason);
});

test('low counts: one or two messages in a quiet topic are not a spike', () => {
  const det = createSpikeDetector({ warmup: 48 });
  let alarms = 0;
  for (let h = 0; h < 24 * 30; h++) {
    const v = h % 97 === 50 ? 2 : h % 41 === 7 ? 1 : 0;
    if (det.update(new Date(START + h * HOUR), v).alarm) alarms++;
  }
  assert.equal(alarms, 0);
});

test('state is plain JSON, bounded, and a restored detector continues exactly where it was', () => {
  const u = rng(3);
  const values = Array.from({ length: 24 * 60 }, (_, h) => poisson(rate(h), u) + (h === 24 * 50 + 11 ? 30 : 0));
  const whole = createSpikeDetector();
  const a = values.map((v, h) => whole.update(new Date(START + h * HOUR), v));

  let det = createSpikeDetector();
  const b: SpikeUpdate[] = [];
  let maxSize = 0;
  values.forEach((v, h) => {
    b.push(det.update(new Date(START + h * HOUR), v));
    if (h % 97 === 0) {
      const json = JSON.stringify(det.state());
      maxSize = Math.max(maxSize, json.length);
      det = createSpikeDetector({}, JSON.parse(json)); // e.g. stored per topic in the database
    }
  });
  assert.deepEqual(b, a);
  assert.ok(maxSize < 200_000, `state ${maxSize} bytes`);
  // bounded: the history holds at most 1000 blocks per evidence kind however long the series
  const st = det.state();
  for (const t of Object.values(st.tails)) assert.ok(t.buf.length <= 1000);
});

test('no look-ahead: scores for a prefix do not depend on what comes later', () => {
  const { out: long } = run(24 * 40, (h) => (h === 24 * 35 ? 40 : 0));
  const { out: short } = run(24 * 30);
  assert.deepEqual(long.slice(0, short.length), short);
});

test('drops are ignored when direction is up', () => {
  const u = rng(11);
  const both = createSpikeDetector({ warmup: 100 });
  const up = createSpikeDetector({ warmup: 100, direction: 'up' });
  let downAlarmsBoth = 0;
  let downAlarmsUp = 0;
  for (let i = 0; i < 3000; i++) {
    const v = i >= 2500 && i < 2600 ? 0 : 100 + Math.round(10 * (u() - 0.5));
    const at = new Date(START + i * 300_000);
    if (both.update(at, v).alarm && i >= 2500) downAlarmsBoth++;
    if (up.update(at, v).alarm && i >= 2500) downAlarmsUp++;
  }
  assert.ok(downAlarmsBoth >= 1);
  assert.equal(downAlarmsUp, 0);
});

test('poisson surprise: P(X >= 5 | 1) is about 0.00366', () => {
  assert.ok(Math.abs(poissonSurprise(5, 1) - -Math.log10(0.0036598)) < 1e-3);
  assert.equal(poissonSurprise(0, 3), 0);
  assert.ok(poissonSurprise(20_000, 50) > 1000); // no loss of precision or time on huge counts
});

test('newTopicSignal fires on 5 distinct customers within 48 hours, not on repeats or old events', () => {
  const now = new Date(START + 100 * HOUR);
  const ev = (hoursAgo: number, customerId: string) => ({ at: new Date(now.getTime() - hoursAgo * HOUR), customerId });
  const four = [ev(40, 'a'), ev(30, 'b'), ev(20, 'c'), ev(10, 'd'), ev(5, 'd'), ev(1, 'a')];
  assert.equal(newTopicSignal(four, now).fires, false);
  assert.equal(newTopicSignal(four, now).customers, 4);
  assert.equal(newTopicSignal([...four, ev(60, 'e')], now).fires, false); // outside the 48 h
  assert.equal(newTopicSignal([...four, ev(-1, 'e')], now).fires, false); // after now: no look-ahead
  const five = newTopicSignal([...four, ev(2, 'e')], now);
  assert.equal(five.fires, true);
  assert.equal(five.firedAt?.getTime(), now.getTime() - 2 * HOUR);
  assert.match(five.reason, /5 distinct customers within 48 h/);
  assert.equal(newTopicSignal([...four, ev(2, 'e')], now, { minCustomers: 6 }).fires, false);
  assert.equal(newTopicSignal([ev(30, 'a'), ev(20, 'b')], now, { minCustomers: 2, windowHours: 24 }).fires, false);
});

test('hourlySeries counts a new topic\'s complaints per hour for its chart, against an expected level of 0', () => {
  const until = new Date(START + 100 * HOUR + 20 * 60_000);
  const at = (hoursAgo: number) => new Date(until.getTime() - hoursAgo * HOUR);
  const s = hourlySeries([at(0), at(0.1), at(3), at(47.2), at(48), at(50), at(-2)], until, 48);
  assert.equal(s.length, 48);
  assert.equal(s[47].at, new Date(START + 100 * HOUR).toISOString(), 'the last bucket is the hour of `until`');
  assert.equal(s[47].count, 2);
  assert.equal(s[44].count, 1);
  assert.equal(s[0].count, 1, '47.2 hours ago is in the first bucket, 48 is not');
  assert.equal(s.reduce((n, p) => n + p.count, 0), 4, 'before the window and after `until` are left out');
  assert.ok(s.every((p) => p.expected === 0));
});

test('a value beyond everything seen so far is an alarm, also as an escalation during the hold-off', () => {
  const u = rng(5);
  const det = createSpikeDetector({ warmup: 200 });
  const out: SpikeUpdate[] = [];
  // a real-valued metric (e.g. CPU %) around 40 with noise, then 90, then 200 ten buckets later
  for (let i = 0; i < 1200; i++) {
    const v = i === 1000 ? 90 : i === 1010 ? 200 : 40 + 10 * (u() - 0.5);
    out.push(det.update(new Date(START + i * 300_000), v));
  }
  assert.ok(out[1000].alarm);
  assert.ok(out[1010].alarm, out[1010].reason); // within the hold-off, but beyond the episode's own peak
  assert.match(out[1010].reason, /higher than anything this series has shown/);
});

test('counts: a burst that only just tops the episode peak is no second alarm', () => {
  const det = createSpikeDetector({ warmup: 48, bucketMinutes: 60 });
  const out: SpikeUpdate[] = [];
  for (let h = 0; h < 24 * 20; h++) out.push(det.update(new Date(START + h * HOUR), h === 400 ? 30 : h === 401 ? 33 : h % 3));
  assert.ok(out[400].alarm);
  assert.ok(!out[401].alarm); // 33 after 30 is within Poisson noise of the peak
});

test('a real-valued rhythm that is not daily: a cycle that does not come is caught by its shape', () => {
  const u = rng(9);
  const det = createSpikeDetector({ warmup: 288 * 2 });
  const out: SpikeUpdate[] = [];
  const cycle = (i: number) => Math.floor(i / 84); // a 7-hour batch cycle of 5-minute buckets
  for (let i = 0; i < 288 * 10; i++) {
    const high = i % 84 < 36;
    const v = (high ? (cycle(i) === 25 ? 50 : 80) : 20) + 8 * (u() - 0.5); // cycle 25 only half-high
    out.push(det.update(new Date(START + i * 300_000), v));
  }
  const alarmCycles = new Set(out.flatMap((r, i) => (r.alarm ? [cycle(i)] : [])));
  assert.ok(alarmCycles.has(25), `alarms in cycles ${[...alarmCycles]}`);
  assert.ok(alarmCycles.size <= 2, `alarms in cycles ${[...alarmCycles]}`);
});

test('a state saved before the range rule and the novelty evidence existed still restores', () => {
  const det = createSpikeDetector();
  for (let h = 0; h < 300; h++) det.update(new Date(START + h * HOUR), h % 5);
  const old = det.state() as unknown as Record<string, unknown> & { tails: Record<string, unknown> };
  delete old.min;
  delete old.max;
  delete old.novelty;
  delete old.tails.novelty;
  const restored = createSpikeDetector({}, old as never);
  assert.equal(restored.update(new Date(START + 300 * HOUR), 0).alarm, false);
});

test('newTopicSignal counts every contact; how plainly a customer complains weighs in, it does not decide', () => {
  const now = new Date(START + 100 * HOUR);
  const at = (h: number, id: string, weight: number) => ({ at: new Date(now.getTime() - h * HOUR), customerId: id, weight });
  // four plain complaints and one customer who only wrote about it: fires (the old rule needed five complaints)
  assert.equal(newTopicSignal([at(5, 'a', 1), at(4, 'b', 1), at(3, 'c', 1), at(2, 'd', 1), at(1, 'e', 0.3)], now).fires, true);
  // five customers who only asked questions: no signal
  assert.equal(newTopicSignal(['a', 'b', 'c', 'd', 'e'].map((id, i) => at(i + 1, id, 0.3)), now).fires, false);
  // a customer counts once, with their strongest contact
  const repeat = newTopicSignal([at(6, 'a', 0.3), at(5, 'a', 1), at(4, 'b', 1), at(3, 'c', 1), at(2, 'd', 1), at(1, 'e', 0.3)], now);
  assert.equal(repeat.customers, 5);
  assert.equal(repeat.fires, true);
});
