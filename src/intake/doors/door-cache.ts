import type { Db } from '../../storage/db.ts';
import { type Door, findDoor } from './channel-settings.ts';

/** How long a door read from the database is used again (per process; a change made in this process counts at once). */
export const DOOR_TTL_MS = 2_000;

let generation = 0;
const cache = new WeakMap<Db, Map<string, { door: Door; until: number; generation: number }>>();

/**
 * findDoor, remembered for DOOR_TTL_MS: every chat message and stream asks for its door (the
 * account's public settings), which changes a few times a year. A change through
 * setChannelSettings in this process forgets every remembered door at once; another server
 * process sees it after at most DOOR_TTL_MS. Unknown slugs are not remembered (a door set up a
 * moment ago is found at once).
 */
export async function cachedDoor(db: Db, slug: string, now = Date.now()): Promise<Door | null> {
  let doors = cache.get(db);
  if (!doors) cache.set(db, (doors = new Map()));
  const hit = doors.get(slug);
  if (hit && hit.until > now && hit.generation === generation) return hit.door;
  const seenGeneration = generation;
  const door = await findDoor(db, slug);
  if (!door) doors.delete(slug);
  else if (seenGeneration === generation) {
    if (doors.size >= 10_000) doors.clear();
    doors.set(slug, { door, until: now + DOOR_TTL_MS, generation });
  }
  return door;
}

/** A door changed (setChannelSettings): read every door again. */
export function forgetDoors(): void {
  generation++;
}
