import { randomUUID } from 'node:crypto';

/**
 * A request an operation of the OpenAPI document would accept, made from its schemas: required fields
 * only, the first enum value, a value that fits the format or pattern. Enough to get past validation to
 * the use case in most routes (ids are made up, so most end in 404 there).
 */
type Schema = Record<string, any>;

let n = 0;
const STRING_CANDIDATES = () => [randomUUID(), 'abc', 'nl', 'LU-1', 'a1', 'x', 'abc_def', '12:00', 'NL44RABO0123456789', 'EUR', '2027-01-01'];

export class OpenApiSampler {
  constructor(private readonly doc: Schema) {}

  private resolve(s: Schema): Schema {
    let out = s;
    for (let i = 0; out?.$ref && i < 10; i++) {
      out = (out.$ref as string).replace(/^#\//, '').split('/').reduce((o: Schema, k) => o?.[k], this.doc);
    }
    return out ?? {};
  }

  value(schema: Schema | undefined, depth = 0): unknown {
    if (!schema || depth > 12) return undefined;
    const s = this.resolve(schema);
    if ('const' in s) return s.const;
    if (s.default !== undefined) return s.default;
    if (Array.isArray(s.enum)) return s.enum[0];
    const variants: Schema[] | undefined = s.anyOf ?? s.oneOf;
    if (variants) {
      const nonNull = variants.map((v) => this.resolve(v)).filter((v) => v.type !== 'null');
      return this.value(nonNull[0] ?? variants[0], depth + 1);
    }
    if (s.allOf) return Object.assign({}, ...s.allOf.map((x: Schema) => this.value(x, depth + 1)));
    const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const k of (s.required as string[] | undefined) ?? []) out[k] = this.value(s.properties?.[k] ?? {}, depth + 1);
        return out;
      }
      case 'array':
        return Array.from({ length: s.minItems ?? 0 }, () => this.value(s.items, depth + 1));
      case 'integer':
      case 'number':
        return Math.max(1, s.minimum ?? 1, s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
      case 'boolean':
        return false;
      case 'null':
        return null;
      case 'string':
        return this.string(s);
      default:
        return properties(s) ? this.value({ ...s, type: 'object' }, depth) : undefined;
    }
  }

  private string(s: Schema): string {
    switch (s.format) {
      case 'email':
        return `perm.${process.pid}.${++n}@example.test`;
      case 'uuid':
        return randomUUID();
      case 'date-time':
        return new Date(Date.now() + 60 * 86_400_000).toISOString();
      case 'date':
        return '2027-01-01';
      case 'uri':
      case 'url':
        return 'https://example.invalid/x';
    }
    if (s.pattern) {
      const re = new RegExp(s.pattern, 'u');
      const hit = STRING_CANDIDATES().find((c) => re.test(c) && c.length >= (s.minLength ?? 0));
      if (hit) return hit;
    }
    return 'x'.repeat(Math.max(1, s.minLength ?? 1));
  }

  /** The URL with its path parameters and required query parameters filled in, and a JSON body when it takes one. */
  request(path: string, op: Schema): { url: string; payload?: unknown; contentType?: string } {
    const params: Schema[] = (op.parameters ?? []).map((p: Schema) => this.resolve(p));
    let url = path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      const p = params.find((x) => x.in === 'path' && x.name === name);
      return encodeURIComponent(String(this.value(p?.schema ?? { type: 'string', format: 'uuid' }) ?? randomUUID()));
    });
    const query = params.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${encodeURIComponent(String(this.value(p.schema)))}`);
    if (query.length) url += `?${query.join('&')}`;
    const content = op.requestBody?.content as Record<string, { schema?: Schema }> | undefined;
    if (!content) return { url };
    if (content['application/json']) return { url, payload: this.value(content['application/json'].schema) ?? {} };
    const [type] = Object.keys(content);
    return { url, payload: '', contentType: type };
  }
}

const properties = (s: Schema) => s.properties !== undefined;
