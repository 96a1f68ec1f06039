import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { can, requirePermission } from '../accounts/permissions.ts';
import { enqueueJob } from '../storage/jobs.ts';
import { emitEvent } from '../webhooks/events.ts';
import { queueStatusNotice } from './status-notices.ts';
import { type Audience, previewAudience, type Purpose } from './audience.ts';
import { type AnnouncementKind, checkNotice, recipientSendAt } from './notice.ts';
import { newReplyToken } from './announcement-feedback.ts';
import { bumpStatusVersion, getAnnouncementSettings, noticeRuleOf } from './settings.ts';
import { ANNOUNCEMENT_COLUMNS, type AnnouncementContent, type AnnouncementRow } from './store.ts';

export interface ScheduleAnnouncementOptions {
  kind: AnnouncementKind;
  purpose?: Purpose;
  content: AnnouncementContent;
  effectiveAt: Date;
  /** planned maintenance: when the work is over */
  endsAt?: Date | null;
  /** when sending starts; default now */
  sendAt?: Date;
  audience: Audience;
  /** default: the account's contact route */
  contactRoute?: string | null;
  problemId?: string | null;
  showOnStatusPage?: boolean;
  /** an admin's written reason for less than the minimum notice */
  overrideReason?: string | null;
  now?: Date;
}

const KIND_NAMES: Record<AnnouncementKind, string> = {
  contract_terms: 'A change of contract terms', price_change: 'A price change', rebranding: 'A rebranding', service_change: 'A service change',
  planned_maintenance: 'Planned maintenance', other: 'This announcement',
};

/**
 * Schedules an announcement: checks the notice (refused with the earliest allowed effective date,
 * unless an admin gives a written reason), resolves the audience into one row per recipient with
 * their own send time (vulnerable customers first), and queues the send. All or nothing.
 */
export async function scheduleAnnouncement(db: Db, actor: Actor, o: ScheduleAnnouncementOptions): Promise<AnnouncementRow> {
  requirePermission(actor, 'announcements.schedule', 'Announcing a change to customers');
  const now = o.now ?? new Date();
  const sendAt = o.sendAt ?? now;
  if (o.effectiveAt.getTime() <= now.getTime()) throw invalid('effective_in_past', `The effective date ${o.effectiveAt.toISOString()} is in the past: an announcement comes before the change`);
  if (sendAt.getTime() < now.getTime() - 60_000) throw invalid('send_in_past', 'Sending cannot start in the past');
  if (sendAt.getTime() >= o.effectiveAt.getTime()) throw invalid('send_after_effect', 'Sending must start before the change takes effect');
  if (o.endsAt && o.endsAt.getTime() <= o.effectiveAt.getTime()) throw invalid('ends_before_start', 'The maintenance ends before it starts');
  const settings = await getAnnouncementSettings(db, actor.accountId);
  const contactRoute = (o.contactRoute ?? settings.contact_route ?? '').trim();
  if (!contactRoute) throw invalid('contact_route_required', 'Every message to customers needs a way to reach a person: give contact_route (an address or phone number that a person answers), or set one in the settings');
  const [inbox] = await db.query('SELECT 1 FROM inboxes WHERE account_id = $1 LIMIT 1', [actor.accountId]);
  if (!inbox) throw invalid('no_inbox', 'Announcements are sent from an inbox of this account: add one first');
  if (o.problemId) {
    const [p] = await db.query('SELECT 1 FROM problems WHERE account_id = $1 AND id = $2', [actor.accountId, o.problemId]);
    if (!p) throw notFound('problem', o.problemId);
  }

  const purpose = o.purpose ?? 'service';
  const preview = await previewAudience(db, actor.accountId, o.audience, purpose);
  if (!preview.counts.total) throw invalid('empty_audience', 'Nobody in this audience can be written to', preview.counts);
  const anyVulnerable = preview.counts.vulnerable > 0;
  const verdict = checkNotice(noticeRuleOf(settings), { kind: o.kind, sendAt, effectiveAt: o.effectiveAt, anyVulnerable });
  const reason = o.overrideReason?.trim() || null;
  if (!verdict.ok) {
    const detail = `${KIND_NAMES[o.kind]} needs ${verdict.requiredDays} days' notice${anyVulnerable ? ` (including ${settings.vulnerable_extra_days} extra days for the vulnerable customers in the audience)` : ''}; this gives ${Math.max(0, verdict.givenDays)}. The earliest allowed effective date is ${verdict.earliestDate}`;
    const details = { earliest_effective_date: verdict.earliestDate, earliest_effective_at: verdict.earliestAt.toISOString(), required_days: verdict.requiredDays, given_days: verdict.givenDays };
    if (!reason) throw new AppError('notice_too_short', `${detail}.`, 422, details);
    if (!can(actor, 'announcements.override_notice')) throw new AppError('forbidden', `${detail}; only an admin can override the minimum notice`, 403, details);
    if (!actor.agentId) throw invalid('override_needs_person', 'Only a person (an admin signed in, or their token) can override the minimum notice');
    if (reason.length < 10) throw invalid('override_reason_too_short', 'Overriding the minimum notice needs a written reason (at least 10 characters)');
  }
  const overriding = !verdict.ok;

  return db.transaction(async (tx) => {
    const [row] = await tx.query<AnnouncementRow>(
      `INSERT INTO announcements (account_id, kind, purpose, content, effective_at, ends_at, send_at, audience, contact_route, notice_days,
         override_reason, override_by, problem_id, show_on_status_page, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING ${ANNOUNCEMENT_COLUMNS}`,
      [actor.accountId, o.kind, purpose, JSON.stringify(o.content), o.effectiveAt, o.endsAt ?? null, sendAt,
        JSON.stringify(o.audience.kind === 'list' ? { kind: 'list', emails: preview.counts.total + (preview.counts.skipped_by_reason.not_a_customer ?? 0) } : o.audience),
        contactRoute, verdict.requiredDays, overriding ? reason : null, overriding ? actor.agentId : null, o.problemId ?? null,
        o.showOnStatusPage ?? o.kind === 'planned_maintenance', actor.agentId, now],
    );
    const r = preview.recipients;
    const sendAts = r.map((x) => recipientSendAt({ sendAt, effectiveAt: o.effectiveAt, vulnerable: x.vulnerable, anyVulnerable, vulnerableExtraDays: settings.vulnerable_extra_days }));
    await tx.query(
      `INSERT INTO announcement_recipients (account_id, announcement_id, customer_id, email, language, vulnerable, send_at, email_message_id, reply_token)
       SELECT $1, $2::uuid, c, e, l, v, s, $8::text || '.' || c::text || '@announcements.luister', k
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::boolean[], $7::timestamptz[], $9::text[]) AS t(c, e, l, v, s, k)`,
      [actor.accountId, row.id, r.map((x) => x.customer_id), r.map((x) => x.email), r.map((x) => x.language), r.map((x) => x.vulnerable), sendAts, row.id,
        r.map(() => newReplyToken())],
    );
    await recordAudit(tx, actor, {
      action: 'announcement.scheduled', entityType: 'announcement', entityId: row.id,
      after: { kind: row.kind, effective_at: row.effective_at, send_at: sendAt, audience: row.audience, recipients: preview.counts, notice_days: verdict.requiredDays },
    });
    if (overriding) {
      await recordAudit(tx, actor, {
        action: 'announcement.notice_overridden', entityType: 'announcement', entityId: row.id,
        after: { reason, required_days: verdict.requiredDays, given_days: verdict.givenDays, earliest_effective_date: verdict.earliestDate },
      });
    }
    await enqueueJob(tx, { accountId: actor.accountId, kind: 'announcement.send', payload: { announcement_id: row.id }, runAt: sendAt });
    if (row.show_on_status_page) await bumpStatusVersion(tx, actor.accountId);
    // the status page's subscribers hear of planned maintenance shown there
    if (row.show_on_status_page && row.kind === 'planned_maintenance') await queueStatusNotice(tx, actor.accountId, `maintenance:${row.id}`);
    await emitEvent(tx, actor.accountId, 'announcement.scheduled', { ...row, recipients: preview.counts });
    return row;
  });
}
