import { createServer, type IncomingMessage, type Server } from 'node:http';

/** A stand-in for the Graph API, as a real local HTTP server: it answers as Meta does, and can be told to fail. */
export class GraphServer {
  requests: Array<{ path: string; auth: string | undefined; idempotencyKey: string | undefined; body: Record<string, any> }> = [];
  failNext = 0;
  private server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      this.requests.push({ path: req.url ?? '', auth: req.headers.authorization, idempotencyKey: req.headers['idempotency-key'] as string | undefined, body });
      if (this.failNext > 0) {
        this.failNext--;
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Service temporarily unavailable', code: 2 } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.out${this.requests.length}` }] }));
    });
  });
  url = '';
  async start() {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    const a = this.server.address();
    this.url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/v21.0`;
  }
  stop = () => new Promise<void>((r) => this.server.close(() => r()));
}
