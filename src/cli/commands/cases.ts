// `luister cases merge|split|follow|unfollow|followers`: merging, splitting and following cases for scripts (src/cases/).
import { AppError } from '../../shared/errors.ts';
import { isUuid } from '../../shared/ids.ts';
import type { Db } from '../../storage/db.ts';
import { agentIdOf, cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';

const SUBCOMMANDS = new Set(['merge', 'split', 'follow', 'unfollow', 'followers']);


/** Merge, split and follow; null when the command is not one of these (`luister cases` alone lists cases: tags.ts) */
export function caseCommand(cmd: string, sub: string | undefined, arg: string | undefined, opt: CliOptions): Promise<unknown> | null {
  if (cmd !== 'cases' || !sub || !SUBCOMMANDS.has(sub)) return null;
  return withDb(`cases ${sub}`, async (db) => {
    const actor = await cliActor(db, opt.account);
    const ref = required('REF', arg);
    if (sub === 'merge') {
      const { mergeCases } = await import('../../cases/merge-cases.ts');
      const out = await mergeCases(db, actor, ref, required('into', opt.into));
      if (opt.json) return print(out);
      console.log(`${out.merged.ref} merged into ${out.case.ref}: ${Object.entries(out.moved).map(([k, n]) => `${n} ${k}`).join(', ') || 'nothing to move'}`);
      for (const [key, v] of Object.entries(out.fields_kept)) console.log(`  ${key}: kept ${JSON.stringify(v.kept)}, the other had ${JSON.stringify(v.other)}`);
      return;
    }
    if (sub === 'split') {
      const { splitCase } = await import('../../cases/split-case.ts');
      const ids = required('messages', opt.messages).split(',').map((s) => s.trim()).filter(Boolean);
      const bad = ids.filter((id) => !isUuid(id));
      if (bad.length) throw new AppError('invalid_id', `Not message ids: ${bad.join(', ')} (see GET /api/v1/cases/${ref})`, 400);
      const out = await splitCase(db, actor, ref, { messageIds: ids, subject: opt.subject });
      if (opt.json) return print(out);
      console.log(`${out.case.ref} split off ${out.from.ref}: ${out.moved.messages} messages, ${out.moved.promises} promises ("${out.case.subject}")`);
      return;
    }
    const { followCase, unfollowCase, listFollowers } = await import('../../cases/follow-case.ts');
    if (sub === 'followers') {
      const { loadCase } = await import('../../cases/store.ts');
      const data = await listFollowers(db, actor.accountId, (await loadCase(db, actor.accountId, ref)).id);
      if (opt.json) return print(data);
      for (const f of data) console.log(`${f.name}  (${f.agent_id})`);
      if (!data.length) console.log('Nobody follows this case');
      return;
    }
    const agentId = await agentIdOf(db, actor.accountId, required('agent', opt.agent));
    const out = sub === 'follow' ? await followCase(db, actor, ref, agentId) : await unfollowCase(db, actor, ref, agentId);
    if (opt.json) return print(out);
    console.log(`${out.changed ? 'Done' : 'Nothing to do'}: ${out.followers.map((f) => f.name).join(', ') || 'nobody'} ${out.followers.length === 1 ? 'follows' : 'follow'} it`);
  });
}


