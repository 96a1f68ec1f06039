import { connect, type Socket } from 'node:net';

/**
 * A bare SMTP client on a socket, for what nodemailer hides: the greeting a connection gets, an idle
 * connection, an EHLO's feature list, a MAIL FROM with SMTPUTF8. `localAddress` picks the client's
 * own loopback address (127.0.0.2 is another client to the listener).
 */
export async function openSmtp(port: number, opts: { localAddress?: string } = {}) {
  const socket: Socket = connect({ host: '127.0.0.1', port, localAddress: opts.localAddress });
  socket.setEncoding('utf8');
  let buffer = '';
  let closed = false;
  const waiters: (() => void)[] = [];
  const wake = () => { for (const w of waiters.splice(0)) w(); };
  socket.on('data', (d: string) => { buffer += d; wake(); });
  socket.on('close', () => { closed = true; wake(); });
  socket.on('error', () => { closed = true; wake(); });

  /** The next complete reply (all lines of a multi-line one), or '' when the server closed first. */
  async function reply(ms = 5_000): Promise<string> {
    const until = Date.now() + ms;
    for (;;) {
      const m = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\r?\n/.exec(buffer);
      if (m) {
        buffer = buffer.slice(m[0].length);
        return m[0].trim();
      }
      if (closed) return '';
      if (Date.now() > until) throw new Error(`no SMTP reply within ${ms} ms (have: ${JSON.stringify(buffer)})`);
      await new Promise<void>((resolve) => { waiters.push(resolve); setTimeout(resolve, 50); });
    }
  }
  return {
    greeting: () => reply(),
    reply,
    async command(line: string, ms?: number) {
      socket.write(`${line}\r\n`);
      return reply(ms);
    },
    /** Sends DATA, the message (dot-stuffed) and the final dot; returns the reply to the message. */
    async data(raw: string | Buffer) {
      const go = await this.command('DATA');
      if (!go.startsWith('354')) return go;
      const text = (Buffer.isBuffer(raw) ? raw.toString('utf8') : raw).replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
      socket.write(Buffer.from(text.endsWith('\r\n') ? text : `${text}\r\n`, 'utf8'));
      socket.write('.\r\n');
      return reply(60_000);
    },
    get closed() { return closed; },
    /** Resolves once the server has closed the connection (or after ms). */
    async waitClosed(ms = 5_000) {
      const until = Date.now() + ms;
      while (!closed && Date.now() < until) await new Promise<void>((resolve) => { waiters.push(resolve); setTimeout(resolve, 50); });
      return closed;
    },
    close() { socket.destroy(); },
  };
}
