// Due-time computations per second on one core (promises/SLAs: goal ≥ 100,000/s):
//   taskset -c 0 node bin/run-ts.mjs bench/sla.ts [computations]
// Inputs are generated before timing: start times spread over 2026 (any minute, so also nights and weekends),
// targets from 30 minutes to 5 business days, half on the default calendar (Mon–Fri 09:00–17:00 Amsterdam, Dutch
// holidays), half on a two-interval one (09:00–12:00 + 13:00–17:00); 20% with a finished pause (waiting on the
// customer), 2% with an open one. Baseline: the same loop doing plain wall-clock arithmetic,
// new Date(start + minutes · 60,000), which ignores opening hours, holidays, summer time and pauses.
import { DEFAULT_CALENDAR, validateCalendar, type BusinessCalendar } from '../src/promises/calendar.ts';
import { addBusinessTime, type Pause } from '../src/promises/due-time.ts';
import { rng } from './lib/random.ts';

const N = Math.max(500_000, Number(process.argv[2] ?? process.env.BENCH_SLA_N ?? 500_000));
const ROUNDS = 3;
const TARGETS = [30, 60, 120, 240, 480, 960, 1440, 2400]; // minutes: ½ h … 5 business days of 8 hours

const lunch = [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }];
const TWO_INTERVALS = validateCalendar({ weekly: { 1: lunch, 2: lunch, 3: lunch, 4: lunch, 5: lunch } });
const CALENDARS: BusinessCalendar[] = [DEFAULT_CALENDAR, TWO_INTERVALS];

const rnd = rng(2026);
const starts: Date[] = [];
const minutes: number[] = [];
const calendars: BusinessCalendar[] = [];
const pauses: (Pause[] | undefined)[] = [];
const year = Date.UTC(2026, 0, 1);
for (let i = 0; i < N; i++) {
  const start = year + Math.floor(rnd() * 365 * 1440) * 60_000;
  starts.push(new Date(start));
  minutes.push(TARGETS[Math.floor(rnd() * TARGETS.length)]);
  calendars.push(CALENDARS[i % 2]);
  const r = rnd();
  if (r < 0.2) {
    const from = start + Math.floor(rnd() * 2 * 1440) * 60_000;
    pauses.push([{ start: new Date(from), end: new Date(from + Math.floor(60 + rnd() * 3 * 1440) * 60_000) }]);
  } else if (r < 0.22) {
    pauses.push([{ start: new Date(start + Math.floor(rnd() * 1440) * 60_000), end: null }]);
  } else pauses.push(undefined);
}

function ours(): number {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += addBusinessTime(starts[i], minutes[i], calendars[i], pauses[i])?.getTime() ?? 1;
  return sum;
}

function plain(): number {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += new Date(starts[i].getTime() + minutes[i] * 60000).getTime();
  return sum;
}

function rate(fn: () => number): number {
  const t = process.hrtime.bigint();
  const sink = fn();
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (sink === 42) console.log('');
  return N / seconds;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`${fmt(N)} computations per round, ${ROUNDS} rounds each, inputs generated beforehand`);

// The first pass also fills the caches: each calendar's days (open intervals as instants) and date-holidays' years.
const cold = rate(ours);
console.log(`first pass (cold caches, holidays computed): ${fmt(cold)}/s`);
rate(plain);

const oursRates: number[] = [];
const plainRates: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  oursRates.push(rate(ours));
  plainRates.push(rate(plain));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const o = median(oursRates);
const p = median(plainRates);
console.log(`addBusinessTime: ${oursRates.map(fmt).join(', ')} /s → median ${fmt(o)}/s (${(1e6 / o).toFixed(2)} µs each)`);
console.log(`plain arithmetic: ${plainRates.map(fmt).join(', ')} /s → median ${fmt(p)}/s`);
const nulls = pauses.filter((x) => x?.[0].end === null).length;
console.log(`inputs: ${fmt(N - nulls)} with a due time, ${fmt(nulls)} with an open pause (most give null)`);
console.log(`goal ≥ 100,000/s: ${o >= 100_000 ? 'met' : 'not met'}`);
console.log(`RESULT sla-due-time ${Math.round(o)} ops/s baseline=${Math.round(p)} ratio=${(o / p).toFixed(4)}`);
