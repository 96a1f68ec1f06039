import { useEffect, useState } from 'react';
import { get } from '../shared/api.ts';
import type { Case } from '../shared/types.ts';

// Promises, drafts and notifications name their case by id: fetch each case once per page load for its reference.
const cache = new Map<string, Promise<Pick<Case, 'id' | 'ref' | 'subject'> | null>>();

function load(id: string) {
  let p = cache.get(id);
  if (!p) {
    p = get<Case>(`/api/v1/cases/${id}`).then((c) => ({ id: c.id, ref: c.ref, subject: c.subject }), () => null);
    cache.set(id, p);
  }
  return p;
}

/** Case references and subjects by case id, for the rows on screen. */
export function useCaseRefs(ids: string[]): Record<string, { ref: string; subject: string }> {
  const [refs, setRefs] = useState<Record<string, { ref: string; subject: string }>>({});
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let live = true;
    const todo = key ? key.split(',') : [];
    (async () => {
      for (let i = 0; i < todo.length; i += 6) {
        const got = await Promise.all(todo.slice(i, i + 6).map(load));
        if (!live) return;
        setRefs((prev) => {
          const next = { ...prev };
          for (const c of got) if (c) next[c.id] = { ref: c.ref, subject: c.subject };
          return next;
        });
      }
    })();
    return () => {
      live = false;
    };
  }, [key]);
  return refs;
}
