import { get } from '../shared/api.ts';
import type { Customer } from '../shared/types.ts';
import { useLookup } from '../shared/useLookup.ts';

// Rows without a customer name (queues built from other lists, nameless customers): each customer fetched once.
const cache = new Map<string, Promise<string | null>>();
const fetchName = (id: string) => get<Customer>(`/api/v1/customers/${id}`).then((c) => c.name || c.identities[0]?.value || '—');

/** Customer names by id for the rows on screen. */
export function useCustomerNames(ids: string[]): Record<string, string> {
  return useLookup(ids, cache, fetchName);
}
