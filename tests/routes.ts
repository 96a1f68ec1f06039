import type { FastifyInstance } from 'fastify';

/** `METHOD /path/:param` for every route, read from `printRoutes({ commonPrefix: false })`. */
export function routesOf(instance: FastifyInstance): string[] {
  const out = new Set<string>();
  const stack: string[] = [''];
  for (const line of instance.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const depth = (at + 3) / 4;
    const m = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(at + 3));
    if (!m || !Number.isInteger(depth)) throw new Error(`cannot read route line "${line}"`);
    const path = stack[depth - 1] + m[1];
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (m[2] ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
      if (method !== 'HEAD') out.add(`${method} ${path}`);
    }
  }
  return [...out].sort();
}

/** The route a request lands on: the matching pattern with the fewest parameters (HEAD lands on GET). */
export function routeFor(routes: string[], method: string, url: string): string | undefined {
  const path = url.split('?')[0];
  const matching = routes.filter((r) => {
    const [m, pattern] = r.split(' ');
    const re = new RegExp(`^${pattern.split('/').map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`);
    return (m === method || (m === 'GET' && method === 'HEAD')) && re.test(path);
  });
  return matching.sort((x, y) => x.split(':').length - y.split(':').length)[0];
}
