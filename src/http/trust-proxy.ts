import { isIP } from 'node:net';

/** What Fastify's `trustProxy` accepts: off, on (every hop), a hop count, or the proxies' addresses. */
export type TrustProxy = boolean | number | string[];

/** proxy-addr's names for address ranges, accepted beside IP addresses and CIDR ranges */
const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(v: string): boolean {
  if (NAMED.has(v)) return true;
  const [ip, bits, extra] = v.split('/');
  if (extra !== undefined || !isIP(ip)) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (isIP(ip) === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: `false` (default: the connecting address is the client, `X-Forwarded-*` ignored),
 * `true` (trust every hop: only when nothing but the proxy can reach the server), a hop count
 * (`1`: one proxy in front), or a comma-separated list of the proxies' addresses or CIDR ranges
 * (`10.0.0.1,10.1.0.0/16`, `loopback`). Returns null with a reason when the value is none of these.
 */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy } | { error: string } {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || v === 'false') return { value: false };
  if (v === 'true') return { value: true };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops === 0 ? { value: false } : hops <= 100 ? { value: hops } : { error: 'a hop count is at most 100' };
  }
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = list.filter((x) => !isAddressOrRange(x));
  if (bad.length) return { error: `not false, true, a hop count or IP addresses / CIDR ranges: ${bad.join(', ')}` };
  return { value: list };
}

/**
 * The value for Fastify's `trustProxy`. Fastify 5 turns a bare hop count into "trust nothing"
 * (it cannot tell a proxy from a client that made up X-Forwarded-For), so a count becomes the
 * function proxy-addr understands: the nearest `hops` addresses are proxies. Like `true`, a hop
 * count is only safe when clients cannot reach the server except through those proxies.
 */
export function fastifyTrustProxy(value: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value !== 'number') return value;
  return (_address, hop) => hop < value;
}
