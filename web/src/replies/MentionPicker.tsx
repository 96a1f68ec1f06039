import { useTranslation } from 'react-i18next';
import { useAgents } from '../cases/agents.ts';

/**
 * "Mention a colleague" beside an internal note: picks an agent and puts `@Name` in the text.
 * Typing `@Name` by hand works just as well; this makes the names findable (and needs no
 * pop-up that a screen reader would have to chase).
 */
export function MentionPicker({ myId, onPick }: { myId: string | undefined; onPick: (mention: string) => void }) {
  const { t } = useTranslation();
  const agents = [...useAgents().values()].filter((a) => a.id !== myId).sort((a, b) => a.name.localeCompare(b.name));
  if (!agents.length) return null;
  return (
    <span className="mention-picker">
      <label htmlFor="mention">{t('composer.mention')}</label>{' '}
      <select
        id="mention"
        value=""
        onChange={(e) => {
          const a = agents.find((x) => x.id === e.target.value);
          if (a) onPick(`@${a.name} `);
        }}
      >
        <option value="">{t('composer.mentionNone')}</option>
        {agents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </span>
  );
}
