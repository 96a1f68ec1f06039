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

/**
 * Two-key "go to" shortcuts (`g i`, `g p` …), the same on every screen: `g`, then a letter within
 * 1.5 s. They listen in the capture phase and claim the second key, so a screen's single-key
 * shortcut (n = note in a case) never also fires after a `g`.
 */
export function useGoShortcuts(map: Record<string, () => unknown>) {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    let armed = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || editable(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (armed && Date.now() - armed < 1500) {
        armed = 0;
        const fn = ref.current[e.key];
        if (fn) {
          e.preventDefault();
          e.stopPropagation();
          fn();
        }
        return;
      }
      if (e.key === 'g') {
        armed = Date.now();
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
