import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * A package loaded the first time it is used, not when the server starts (issue 21: a fresh server's idle
 * memory). For packages only some requests need — a mail parser, a mail sender, a holiday table, the list of
 * free-mail domains — and whose first use may pay a few milliseconds. Synchronous (through `require`, which
 * every package used this way supports), so it also serves code that cannot await.
 *
 *   const holidays = lazyModule(() => load('date-holidays') as typeof import('date-holidays'));
 */
export function lazyModule<T>(open: (require: NodeJS.Require) => T): () => T {
  let value: T | undefined;
  let loaded = false;
  return () => {
    if (!loaded) {
      value = open(load);
      loaded = true;
    }
    return value as T;
  };
}
