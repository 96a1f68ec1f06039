import { useEffect, useState } from 'react';

/**
 * Values by id for the rows on screen, each fetched once per page load (a shared cache), six at a
 * time: for lists that name a record by id only (a case's customer, a promise's case).
 */
export function useLookup<T>(ids: string[], cache: Map<string, Promise<T | null>>, fetchOne: (id: string) => Promise<T | null>): Record<string, T> {
  const [values, setValues] = useState<Record<string, T>>({});
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let live = true;
    const todo = key ? key.split(',') : [];
    const load = (id: string) => {
      let p = cache.get(id);
      if (!p) cache.set(id, (p = fetchOne(id).catch(() => null)));
      return p;
    };
    (async () => {
      for (let i = 0; i < todo.length; i += 6) {
        const ids = todo.slice(i, i + 6);
        const got = await Promise.all(ids.map(load));
        if (!live) return;
        setValues((prev) => {
          const next = { ...prev };
          ids.forEach((id, j) => {
            const v = got[j];
            if (v !== null) next[id] = v;
          });
          return next;
        });
      }
    })();
    return () => {
      live = false;
    };
  }, [key]);
  return values;
}
