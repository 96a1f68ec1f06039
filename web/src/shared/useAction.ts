import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What the last action said: shown in the screen's status line. */
export type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** Runs a change; true when it worked. `ok` is what to say then (an action returning a string says that instead). */
export type Act = (fn: () => Promise<unknown>, ok?: string) => Promise<boolean>;

/**
 * A screen's actions and their notice: clear the old notice, run, say how it went, and refresh
 * the screen after a success. One place for what the case view, a problem and "due today" all do.
 */
export function useAction(refresh: () => void, defaultOk: string): { notice: Notice; act: Act } {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice>(null);
  const act = useCallback<Act>(
    async (fn, ok) => {
      setNotice(null);
      try {
        const r = await fn();
        setNotice({ kind: 'ok', text: typeof r === 'string' ? r : (ok ?? defaultOk) });
        refresh();
        return true;
      } catch (e) {
        setNotice({ kind: 'error', text: t('app.error', { message: (e as Error).message }) });
        return false;
      }
    },
    [refresh, defaultOk, t],
  );
  return { notice, act };
}
