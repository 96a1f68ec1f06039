import type { loadDemo } from './load-demo.ts';

type Demo = Awaited<ReturnType<typeof loadDemo>>;

/** What `luister demo` prints: what was loaded, and how to sign in (the password and the token are shown this once). */
export function demoSummary(demo: Demo, baseUrl: string): string {
  const h = demo.history;
  const width = Math.max(...demo.agents.map((a) => a.email.length), demo.admin_email.length) + 2;
  const row = (email: string, who: string) => `  ${email.padEnd(width)}${who}`;
  return [
    `Demo loaded in ${demo.seconds} s: "${demo.account_name}" with ${h.days} days of history.`,
    `  ${h.cases} cases (${h.messages} messages), ${h.signals} open signal${h.signals === 1 ? '' : 's'}${h.signal_titles.length ? ` (${h.signal_titles.join('; ')})` : ''},`,
    `  ${h.due_today} promise${h.due_today === 1 ? '' : 's'} due today and ${h.broken} broken, ${h.articles} knowledge-base articles.`,
    '',
    `Sign in to the workspace at ${baseUrl}/app/ (start the server first: npm start)`,
    `with the password ${demo.password} and one of these addresses:`,
    ...demo.agents.map((a) => row(a.email, `${a.name} (${a.role})`)),
    row(demo.admin_email, 'Demo-beheerder (admin)'),
    '',
    `API token (admin; shown once, keep it): ${demo.token}`,
    `Mail to ${demo.inbox} on the SMTP port (2525) becomes a case.`,
    `Account ${demo.account_id}: add --account ${demo.account_id} to other commands when there are several accounts.`,
  ].join('\n');
}
