/**
 * Reads the NAB corpus shipped in ../shared/data/spikes/nab: the 58 series, their scoring windows
 * (labels/combined_windows.json) as row indices, the cost profiles, and the published per-file
 * scores of other detectors (results/<detector>/<detector>_<profile>_scores.csv).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CostMatrix, ProfileName, RowWindow } from './scorer.ts';

export const NAB_DIR = fileURLToPath(new URL('../../../shared/data/spikes/nab/', import.meta.url));

export interface Series {
  /** NAB's relative path, e.g. "realTweets/Twitter_volume_AAPL.csv". */
  name: string;
  category: string;
  timestamps: Float64Array; // ms since epoch; NAB's timestamps have no zone, read as UTC
  values: Float64Array;
  windows: RowWindow[];
}

export function corpusAvailable(dir = NAB_DIR): boolean {
  return existsSync(join(dir, 'labels', 'combined_windows.json')) && existsSync(join(dir, 'data'));
}

/** "2015-02-26 21:42:53" or "2015-03-03 04:37:00.000000" -> ms, read as UTC. */
export function parseNabTime(text: string): number {
  const t = text.trim();
  const ms = Date.parse(t.slice(0, 19).replace(' ', 'T') + 'Z');
  if (Number.isNaN(ms)) throw new Error(`Bad NAB timestamp: ${text}`);
  return ms;
}

function toRowWindows(timestamps: Float64Array, limits: [string, string][]): RowWindow[] {
  const out: RowWindow[] = [];
  for (const [a, b] of limits) {
    const t1 = parseNabTime(a);
    const t2 = parseNabTime(b);
    let start = -1;
    let end = -1;
    for (let i = 0; i < timestamps.length; i++) {
      if (start < 0 && timestamps[i] >= t1) start = i;
      if (timestamps[i] <= t2) end = i;
    }
    if (start < 0 || end < start) throw new Error(`Window ${a}..${b} matches no rows`);
    out.push({ start, end });
  }
  return out;
}

export function loadCorpus(dir = NAB_DIR): Series[] {
  const windows = JSON.parse(readFileSync(join(dir, 'labels', 'combined_windows.json'), 'utf8')) as Record<
    string,
    [string, string][]
  >;
  const out: Series[] = [];
  for (const name of Object.keys(windows).sort()) {
    const lines = readFileSync(join(dir, 'data', name), 'utf8').trim().split(/\r?\n/);
    const timestamps = new Float64Array(lines.length - 1);
    const values = new Float64Array(lines.length - 1);
    for (let i = 1; i < lines.length; i++) {
      const comma = lines[i].indexOf(',');
      timestamps[i - 1] = parseNabTime(lines[i].slice(0, comma));
      values[i - 1] = Number(lines[i].slice(comma + 1));
    }
    out.push({ name, category: name.split('/')[0], timestamps, values, windows: toRowWindows(timestamps, windows[name]) });
  }
  return out;
}

export function loadProfiles(dir = NAB_DIR): Record<ProfileName, CostMatrix> {
  const raw = JSON.parse(readFileSync(join(dir, 'config', 'profiles.json'), 'utf8')) as Record<
    ProfileName,
    { CostMatrix: CostMatrix }
  >;
  const out = {} as Record<ProfileName, CostMatrix>;
  for (const [k, v] of Object.entries(raw)) out[k as ProfileName] = v.CostMatrix;
  return out;
}

/** One row of a published results/<det>/<det>_<profile>_scores.csv. */
export interface PublishedFileScore {
  file: string;
  threshold: number;
  score: number;
  tp: number;
  tn: number;
  fp: number;
  fn: number;
  total: number;
}

export function publishedDetectors(dir = NAB_DIR): string[] {
  return readdirSync(join(dir, 'results'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Per-file published scores; the "Totals" row is dropped. */
export function loadPublishedScores(detector: string, profile: ProfileName, dir = NAB_DIR): PublishedFileScore[] {
  const path = join(dir, 'results', detector, `${detector}_${profile}_scores.csv`);
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/).slice(1);
  const out: PublishedFileScore[] = [];
  for (const line of lines) {
    const c = line.split(',');
    if (c[0] === 'Totals') continue;
    out.push({
      file: c[2],
      threshold: Number(c[3]),
      score: Number(c[4]),
      tp: Number(c[5]),
      tn: Number(c[6]),
      fp: Number(c[7]),
      fn: Number(c[8]),
      total: Number(c[9]),
    });
  }
  return out;
}

export function loadFinalResults(dir = NAB_DIR): Record<string, Record<ProfileName, number>> {
  return JSON.parse(readFileSync(join(dir, 'results', 'final_results.json'), 'utf8'));
}
