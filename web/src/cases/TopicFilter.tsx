import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../shared/api.ts';

interface Topic {
  id: string;
  label: string;
  size: number;
}

/** The inbox by topic: the topics listening found, most recently active first. */
export function TopicFilter({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [topics, setTopics] = useState<Topic[]>([]);
  useEffect(() => {
    const ac = new AbortController();
    get<{ data: Topic[] }>('/api/v1/topics?limit=50', ac.signal)
      .then((r) => setTopics(r.data))
      .catch(() => {});
    return () => ac.abort();
  }, []);
  if (!topics.length && !value) return null;
  return (
    <div className="field">
      <label htmlFor="topic-filter">{t('inbox.topic')}</label>
      <select id="topic-filter" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('inbox.anyTopic')}</option>
        {value && !topics.some((x) => x.id === value) && <option value={value}>{t('inbox.topicGone')}</option>}
        {topics.map((x) => (
          <option key={x.id} value={x.id}>
            {t('inbox.topicOption', { label: x.label, size: x.size })}
          </option>
        ))}
      </select>
    </div>
  );
}
