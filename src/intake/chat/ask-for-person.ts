import type { Db } from '../../storage/db.ts';
import { systemActor } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import { routeCase } from '../../routing/route-case.ts';
import { insertMessage } from '../../cases/insert-message.ts';
import type { Door } from '../doors/channel-settings.ts';
import { availability, type Availability } from '../doors/availability.ts';
import { findChatSession } from './chat-session.ts';

/**
 * "Praat met een medewerker": one click, always there. When someone can answer now the chat is
 * offered to an agent through routing (skills, language, load); when not, the widget says so
 * honestly and offers a callback slot or leaving a message. Either way the case notes the request.
 */
export async function askForPerson(db: Db, door: Door, token: string): Promise<Availability & { offered: boolean }> {
  const session = await findChatSession(db, door.account_id, token);
  if (!session) throw new AppError('chat_session_not_found', 'This chat has ended; start a new one', 404);
  const actor = systemActor(door.account_id);
  const now = await availability(db, door.account_id);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE chat_sessions SET wants_person = true WHERE account_id = $1 AND id = $2', [door.account_id, session.id]);
    await insertMessage(tx, actor, {
      // the workspace's own notes are Dutch, as the escalation's are
      caseId: session.case_id, type: 'note', channel: 'internal', language: 'nl',
      body: now.available
        ? 'De bezoeker vroeg om een medewerker.'
        : `De bezoeker vroeg om een medewerker; er kon niemand antwoorden (${now.reason === 'closed' ? 'buiten openingstijden' : 'niemand beschikbaar'}): een terugbelafspraak of een bericht is aangeboden.`,
    });
  });
  if (!now.available) return { ...now, offered: false };
  try {
    // offered to someone who is here now (their workspace open), as the availability above counted
    const routed = await routeCase(db, actor, session.case_id, { liveOnly: true });
    return { ...now, offered: Boolean(routed.offer) };
  } catch (err) {
    // already offered or owned: a person has it
    if (err instanceof AppError && err.status === 409) return { ...now, offered: true };
    throw err;
  }
}
