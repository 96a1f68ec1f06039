// `luister announcements | incidents`: proactive communication (C4) from the command line.
import { readFileSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';

/** The file's JSON checked by the API's own schema: the same refusals, nothing written. */
function parseInput<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new AppError('validation_failed', r.error.issues.map((i) => `${i.path.map(String).join('.') || '(file)'}: ${i.message}`).join('; '), 400);
  return r.data;
}

/** Announcements and incidents; null when the command is not one of these. */
export function announceCommand(cmd: string, sub: string | undefined, _arg: string | undefined, opt: CliOptions): Promise<unknown> | null {
  if (cmd === 'announcements' && sub === 'check') {
    return withDb('announcements check', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { ANNOUNCEMENT_KINDS, checkNotice } = await import('../../announcements/notice.ts');
      const { getAnnouncementSettings, noticeRuleOf } = await import('../../announcements/settings.ts');
      const kind = required('kind', opt.kind);
      if (!ANNOUNCEMENT_KINDS.includes(kind as never)) throw new AppError('invalid_kind', `--kind must be one of ${ANNOUNCEMENT_KINDS.join(', ')}`);
      const effectiveAt = new Date(required('effective', opt.effective));
      if (Number.isNaN(effectiveAt.getTime())) throw new AppError('invalid_date', '--effective must be a date, e.g. 2027-01-15');
      const rule = noticeRuleOf(await getAnnouncementSettings(db, actor.accountId));
      for (const anyVulnerable of [false, true]) {
        const v = checkNotice(rule, { kind: kind as never, sendAt: new Date(), effectiveAt, anyVulnerable });
        console.log(`${anyVulnerable ? 'with vulnerable customers' : 'without vulnerable customers'}: ${v.ok ? 'ok' : 'too short'} — ${v.requiredDays} days needed, earliest effective date ${v.earliestDate}`);
      }
    });
  }
  if (cmd === 'announcements' && sub === 'schedule') {
    return withDb('announcements schedule', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { scheduleAnnouncement } = await import('../../announcements/schedule-announcement.ts');
      const b = JSON.parse(readFileSync(required('file', opt.file), 'utf8')) as Record<string, never>;
      print(await scheduleAnnouncement(db, actor, {
        kind: b.kind, purpose: b.purpose, content: b.content, effectiveAt: new Date(b.effective_at), endsAt: b.ends_at ? new Date(b.ends_at) : null,
        sendAt: b.send_at ? new Date(b.send_at) : undefined, audience: b.audience, contactRoute: b.contact_route, problemId: b.problem_id, showOnStatusPage: b.show_on_status_page,
      }));
    });
  }
  if (cmd === 'announcements') {
    return withDb('announcements', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { listAnnouncements } = await import('../../announcements/list-announcements.ts');
      const { deliveryCounts } = await import('../../announcements/store.ts');
      const { data } = await listAnnouncements(db, actor.accountId, { limit: 200, status: opt.state as never });
      for (const a of data) {
        const d = await deliveryCounts(db, actor.accountId, a.id);
        console.log(`${a.status.padEnd(10)} ${a.effective_at.toISOString().slice(0, 10)}  ${a.kind.padEnd(20)} ${d.sent}/${d.total} sent  ${a.content.nl.subject}${a.override_reason ? `  [notice overridden: ${a.override_reason}]` : ''}`);
      }
      if (!data.length) console.log('No announcements');
    });
  }
  if (cmd === 'incidents' && (sub === 'open' || sub === 'update')) {
    return withDb(`incidents ${sub}`, async (db) => {
      const actor = await cliActor(db, opt.account);
      const { incidentBodies } = await import('../../announcements/incident-input.ts');
      const raw = JSON.parse(readFileSync(required('file', opt.file), 'utf8')) as unknown;
      if (sub === 'open') {
        const { openIncident } = await import('../../announcements/open-incident.ts');
        const b = parseInput(incidentBodies.open, raw);
        print(await openIncident(db, actor, {
          title: b.title, impact: b.impact, componentIds: b.component_ids, problemId: b.problem_id, ownerId: b.owner_id,
          update: { status: b.update.status, parts: b.update.parts, nextUpdateAt: b.update.next_update_at, contactRoute: b.update.contact_route },
        }));
      } else {
        const { postIncidentUpdate } = await import('../../announcements/post-incident-update.ts');
        const b = parseInput(incidentBodies.update, raw);
        print(await postIncidentUpdate(db, actor, required('incident id', _arg), { status: b.status, parts: b.parts, nextUpdateAt: b.next_update_at, contactRoute: b.contact_route }));
      }
    });
  }
  if (cmd === 'incidents') {
    return withDb('incidents', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { listIncidents } = await import('../../announcements/list-incidents.ts');
      const { isOverdue } = await import('../../announcements/incident-store.ts');
      const { data } = await listIncidents(db, actor.accountId, { limit: 200, open: !opt.all });
      const now = new Date();
      for (const i of data) {
        const next = i.next_update_at ? `${isOverdue(i, now) ? 'OVERDUE since' : 'next update by'} ${i.next_update_at.toISOString().slice(0, 16)}` : 'resolved';
        console.log(`${i.status.padEnd(13)} ${i.impact.padEnd(8)} ${next}  ${i.title.nl}  (${i.updates_late} late of ${i.updates_late + i.updates_on_time})`);
      }
      if (!data.length) console.log(opt.all ? 'No incidents' : 'No open incidents');
    });
  }
  return null;
}
