import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The `?` overlay: a native modal dialog (focus is trapped, Esc closes it). */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const rows = (keys: [string, string][]) =>
    keys.map(([k, label]) => (
      <div className="shortcut" key={k}>
        <dt>
          {k.split(' ').map((x) => (
            <kbd key={x}>{x}</kbd>
          ))}
        </dt>
        <dd>{t(label)}</dd>
      </div>
    ));
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <h3>{t('shortcuts.everywhere')}</h3>
      <dl>
        {rows([
          ['g i', 'shortcuts.goInbox'],
          ['g p', 'shortcuts.goProblems'],
          ['g d', 'shortcuts.goPromises'],
          ['g k', 'shortcuts.goKnowledge'],
          ['g r', 'shortcuts.goRefunds'],
          ['g o', 'shortcuts.goDashboard'],
          ['g s', 'shortcuts.goSettings'],
          ['g n', 'shortcuts.notifications'],
          ['?', 'shortcuts.help'],
        ])}
      </dl>
      <h3>{t('shortcuts.inInbox')}</h3>
      <dl>
        {rows([
          ['j', 'shortcuts.next'],
          ['k', 'shortcuts.previous'],
          ['Enter', 'shortcuts.open'],
          ['/', 'shortcuts.search'],
        ])}
      </dl>
      <h3>{t('shortcuts.inCase')}</h3>
      <dl>
        {rows([
          ['r', 'shortcuts.reply'],
          ['n', 'shortcuts.note'],
          ['a', 'shortcuts.assign'],
          ['t', 'shortcuts.transfer'],
          ['m', 'shortcuts.macro'],
          ['f', 'shortcuts.follow'],
          ['Ctrl Enter', 'shortcuts.send'],
          ['Esc', 'shortcuts.back'],
        ])}
      </dl>
      <h3>{t('shortcuts.inKnowledge')}</h3>
      <dl>
        {rows([
          ['c', 'shortcuts.newArticle'],
          ['/', 'shortcuts.searchArticles'],
        ])}
      </dl>
      <form method="dialog">
        <button type="submit" className="button" autoFocus>
          {t('shortcuts.close')}
        </button>
      </form>
    </dialog>
  );
}
