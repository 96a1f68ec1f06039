import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

const DOVECOT = '/usr/sbin/dovecot';

/**
 * A real IMAP server for the tests: Debian's dovecot, started in a folder of its own on a free
 * port with one user. `.ci/run` installs dovecot-imapd; on a machine without it the IMAP tests
 * skip with this reason — never under CI=true, where a missing dovecot is a failure.
 */
export function dovecotMissing(): string | false {
  if (existsSync(DOVECOT)) return false;
  if (process.env.CI === 'true') throw new Error(`${DOVECOT} not found: .ci/run installs dovecot-imapd; under CI the IMAP tests may not skip`);
  return `dovecot is not installed (apt-get install dovecot-imapd): IMAP tests skipped`;
}

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  url: string;
  /** puts raw mails into the user's INBOX through IMAP APPEND */
  append(mails: (string | Buffer)[], mailbox?: string): Promise<void>;
  /** flags of every message in a mailbox, by UID */
  flags(mailbox?: string): Promise<Map<number, string[]>>;
  stop(): Promise<void>;
}

export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'luister-dovecot-'));
  // dovecot's auth and mail processes run as other users: they must be able to enter the folder
  chmodSync(dir, 0o755);
  const port = await freePort();
  const user = 'support';
  const password = 'geheim-' + Math.random().toString(36).slice(2);
  for (const d of ['run', 'state', 'home']) mkdirSync(join(dir, d));
  // mail processes may not run as root: the mailboxes belong to nobody
  if (process.getuid?.() === 0) chownSync(join(dir, 'home'), 65534, 65534);
  const uid = process.getuid?.() === 0 ? 65534 : process.getuid?.();
  const gid = process.getuid?.() === 0 ? 65534 : process.getgid?.();
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  writeFileSync(join(dir, 'dovecot.conf'), `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  mailbox Verwerkt {
    auto = create
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`);
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  await waitForPort(port, 10_000, () => output);

  const client = async () => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
    c.on('error', () => {});
    await c.connect();
    return c;
  };
  return {
    port,
    user,
    password,
    url: `imap://${user}@127.0.0.1:${port}/INBOX`,
    async append(mails, mailbox = 'INBOX') {
      const c = await client();
      try {
        for (const m of mails) await c.append(mailbox, m);
      } finally {
        await c.logout();
      }
    },
    async flags(mailbox = 'INBOX') {
      const c = await client();
      const out = new Map<number, string[]>();
      try {
        const lock = await c.getMailboxLock(mailbox);
        try {
          if ((c.mailbox && c.mailbox.exists) || 0) {
            for await (const m of c.fetch('1:*', { uid: true, flags: true })) out.set(m.uid, [...(m.flags ?? [])]);
          }
        } finally {
          lock.release();
        }
      } finally {
        await c.logout();
      }
      return out;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, ms: number, output: () => string) {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1', () => {
        sock.end();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`dovecot did not start on port ${port}: ${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
