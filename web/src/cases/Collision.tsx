import { useTranslation } from 'react-i18next';
import type { Presence } from './usePresence.ts';

/**
 * Who else is on this case: so two agents never answer the same customer twice. Typing is
 * said first and louder; a reply someone else just sent is an alert.
 */
export function Collision({ others, answeredBy }: { others: Presence[]; answeredBy: string | null }) {
  const { t } = useTranslation();
  const typing = others.filter((p) => p.state === 'typing').map((p) => p.name);
  const viewing = others.filter((p) => p.state === 'viewing').map((p) => p.name);
  const list = (names: string[]) => new Intl.ListFormat(document.documentElement.lang || undefined, { type: 'conjunction' }).format(names);
  return (
    <div className="collision">
      <div role="status">
        {typing.length > 0 && <p className="presence typing">{t('presence.typing', { names: list(typing), count: typing.length })}</p>}
        {viewing.length > 0 && <p className="presence">{t('presence.viewing', { names: list(viewing), count: viewing.length })}</p>}
      </div>
      <div role="alert">{answeredBy && <p className="presence answered">{t('presence.answered', { name: answeredBy })}</p>}</div>
    </div>
  );
}
