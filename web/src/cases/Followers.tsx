import { useTranslation } from 'react-i18next';
import { del, put } from '../shared/api.ts';
import type { CaseDetail } from '../shared/types.ts';
import type { Act } from '../shared/useAction.ts';

/** Follow or stop following the case (f), and who follows it: they get its notifications without owning it. */
export function Followers({ detail, myId, act }: { detail: CaseDetail; myId: string | undefined; act: Act }) {
  const { t } = useTranslation();
  const followers = detail.followers ?? [];
  const following = !!myId && followers.some((f) => f.agent_id === myId);
  return (
    <div className="followers">
      {myId && !detail.merged_into && (
        <button type="button" className="button" aria-pressed={following} onClick={() => void toggleFollow(act, detail.id, myId, following, t)}>
          {following ? t('follow.stop') : t('follow.start')} <kbd>f</kbd>
        </button>
      )}
      <span className="muted small">
        {followers.length ? t('follow.list', { names: followers.map((f) => f.name).join(', ') }) : t('follow.nobody')}
      </span>
    </div>
  );
}

/** The same toggle for the keyboard shortcut. */
export function toggleFollow(act: Act, caseId: string, myId: string, following: boolean, t: (k: string) => string) {
  const path = `/api/v1/cases/${caseId}/followers/${myId}`;
  return act(() => (following ? del(path) : put(path, undefined)), following ? t('follow.stopped') : t('follow.started'));
}
