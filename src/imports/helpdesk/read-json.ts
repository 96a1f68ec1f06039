import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { badImportFile } from '../mail/split-mbox.ts';

/**
 * Reading a helpdesk's JSON export, the same for every source: a folder of files, each a page of
 * the source's API ({"tickets": […], …}), a JSON array, or one record per line (NDJSON); a kind may
 * be split over several files (tickets-1.json, tickets-2.json, …). Each record is checked against
 * the fields Luister reads (the rest passes through, to be counted as not mapped); a file that is
 * not JSON (cut short, or something else) is refused naming the file and line, before anything is stored.
 */

/** An id as numbers or digit strings (JSON exports have both). */
export const numericId = z.union([z.number().int(), z.string().regex(/^\d{1,20}$/)]).transform(String);
export const maybeNumericId = z.union([numericId, z.null()]).optional().transform((v) => v ?? null);
/** An ISO date-time string. */
export const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date').transform((s) => new Date(s));

/** The folder, or a clear refusal naming what should be in it. */
export async function exportFolder(dir: string, product: string, expected: string): Promise<string[]> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw badImportFile(`${dir} is not a folder: give the folder that holds the ${product} export (${expected})`);
  return (await readdir(dir)).sort();
}

/** Every record of one kind (files `<base>.json`, `<base>-2.json`, `<base>.ndjson`, …), checked against `schema`. */
export async function records<T extends z.ZodType>(dir: string, names: string[], base: string, schema: T, product: string, key = base): Promise<{ found: boolean; list: z.infer<T>[] }> {
  const files = names.filter((n) => new RegExp(`^${base}([-_.][\\w.-]*)?\\.(json|jsonl|ndjson)$`).test(n));
  const list: z.infer<T>[] = [];
  for (const file of files) {
    const raw = await parseFile(join(dir, file), file, key);
    raw.forEach((r, i) => list.push(parseRecord(schema, r, `${file}, record ${i + 1}`, product)));
  }
  return { found: files.length > 0, list };
}

/**
 * Records kept per ticket in a sub-folder, one file per ticket named by its id
 * (`ticket_comments/1001.json`, `conversations/17.json`), as the source's per-ticket API returns them.
 */
export async function recordsPerTicket<T extends z.ZodType>(dir: string, names: string[], folder: string, key: string, schema: T, product: string): Promise<Map<string, z.infer<T>[]>> {
  const out = new Map<string, z.infer<T>[]>();
  if (!names.includes(folder)) return out;
  for (const name of (await readdir(join(dir, folder))).sort()) {
    const m = /^(\d+)\.json$/.exec(name);
    if (!m) continue;
    const label = `${folder}/${name}`;
    out.set(m[1], (await parseFile(join(dir, folder, name), label, key)).map((c, i) => parseRecord(schema, c, `${label}, record ${i + 1}`, product)));
  }
  return out;
}

export function parseRecord<T extends z.ZodType>(schema: T, value: unknown, where: string, product: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw badImportFile(`${where}: ${issue.path.join('.') || 'the record'} ${issue.message.toLowerCase()} — is this a ${product} export?`, { where, path: issue.path });
}

/** A page object ({"tickets": […]}), an array, or NDJSON (records or page objects, one a line). */
async function parseFile(path: string, label: string, key: string): Promise<unknown[]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  if (!text.trim()) return [];
  try {
    return fromValue(JSON.parse(text), key, label);
  } catch (err) {
    if ((err as { code?: string }).code === 'import_file_invalid') throw err;
  }
  const out: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(lines[i]);
    } catch (err) {
      const last = lines.slice(i + 1).every((l) => !l.trim());
      throw badImportFile(`${label}, line ${i + 1}: not valid JSON (${(err as Error).message})${last ? '. The file looks cut short (truncated): export it again' : ''}. Nothing was imported.`);
    }
    out.push(...fromValue(value, key, `${label}, line ${i + 1}`));
  }
  return out;
}

function fromValue(value: unknown, key: string, label: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    // a page of the source's API: {"tickets": […]}; Chatwoot's {"payload": […]} and {"data": {"payload": […]}}
    const data = v.data && typeof v.data === 'object' && !Array.isArray(v.data) ? (v.data as Record<string, unknown>).payload : v.data;
    const page = v[key] ?? v.payload ?? data;
    if (Array.isArray(page)) return page;
    if ('id' in v) return [value];
  }
  throw badImportFile(`${label}: expected ${key} (an array, {"${key}": […]}, or one record per line)`);
}
