import { useEffect, useState } from 'react';
import { get } from '../shared/api.ts';
import type { Customer } from '../shared/types.ts';

// Rows without a customer name (queues built from other lists, nameless customers): fetch each customer once, a few at a time.
const cache = new Map<string, Promise<Customer | null>>();

function load(id: string): Promise<Customer | null> {
  let p = cache.get(id);
  if (!p) {
    p = get<Customer>(`/api/v1/customers/${id}`).catch(() => null);
    cache.set(id, p);
  }
  return p;
}

/** Customer names by id for the rows on screen. */
export function useCustomerNames(ids: string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let live = true;
    const todo = key ? key.split(',') : [];
    (async () => {
      for (let i = 0; i < todo.length; i += 6) {
        const got = await Promise.all(todo.slice(i, i + 6).map(load));
        if (!live) return;
        setNames((prev) => {
          const next = { ...prev };
          for (const c of got) if (c) next[c.id] = c.name || c.identities[0]?.value || '—';
          return next;
        });
      }
    })();
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}
