import { get } from '../shared/api.ts';
import type { Case } from '../shared/types.ts';
import { useLookup } from '../shared/useLookup.ts';

// Promises, drafts and notifications name their case by id: each case fetched once for its reference.
const cache = new Map<string, Promise<{ ref: string; subject: string } | null>>();
const fetchRef = (id: string) => get<Case>(`/api/v1/cases/${id}`).then((c) => ({ ref: c.ref, subject: c.subject }));

/** Case references and subjects by case id, for the rows on screen. */
export function useCaseRefs(ids: string[]): Record<string, { ref: string; subject: string }> {
  return useLookup(ids, cache, fetchRef);
}
