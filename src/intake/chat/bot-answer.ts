import type { Db } from '../../storage/db.ts';
import { systemActor } from '../../shared/actor.ts';
import { insertMessage } from '../../cases/insert-message.ts';
import { helpCentreAnswer } from '../../knowledge/help-centre-answer.ts';
import { botAnswerText, type BotArticle } from '../../knowledge/bot-articles.ts';
import type { Door } from '../doors/channel-settings.ts';
import { appendChatEntry } from './chat-entries.ts';
import { findChatSession } from './chat-session.ts';

/**
 * The chat's optional knowledge-base bot (off by default; channel settings `chat_bot_enabled`): a
 * visitor's question, until they ask for a person, gets up to three public help-centre articles
 * that match, in the page's language. The answer is an automatic message on the case (automated
 * 'bot': no agent's reply, no first response) numbered into the chat, so the widget shows it like
 * any entry and a reload or reconnect resumes past it. Nothing matches: the bot says nothing.
 * "Praat met een medewerker" stays one click in the widget whatever the bot does.
 */
export async function answerWithBot(db: Db, door: Door, token: string, question: string, language: 'nl' | 'en'): Promise<BotArticle[]> {
  if (!door.chat_bot_enabled) return [];
  const session = await findChatSession(db, door.account_id, token);
  if (!session || session.wants_person) return [];
  const articles = await helpCentreAnswer(db, door.account_id, question, language);
  if (!articles.length) return [];
  return db.transaction(async (tx) => {
    // under the session's lock: a visitor who asked for a person meanwhile gets no bot answer after it
    const locked = await findChatSession(tx, door.account_id, token, true);
    if (!locked || locked.wants_person) return [];
    const message = await insertMessage(tx, systemActor(door.account_id), {
      caseId: locked.case_id, type: 'outbound', channel: 'chat', body: botAnswerText(articles, language), language,
      customerId: locked.customer_id, email: { automated: 'bot' },
    });
    await appendChatEntry(tx, door.account_id, locked.case_id, message.id);
    return articles;
  });
}
