import { useEffect, useRef } from 'react';

const editable = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/**
 * Single-key shortcuts (j, k, /, ?) for the current screen. They never fire while typing in a
 * field or with Ctrl/Alt/Meta held, so they cannot eat text or browser shortcuts. A handler
 * returns false when the key was not its business.
 */
export function useShortcuts(map: Record<string, (e: KeyboardEvent) => unknown>) {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || editable(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const fn = ref.current[e.key];
      // a handler that returns false did not handle the key: the browser's default stays
      if (fn && fn(e) !== false) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
