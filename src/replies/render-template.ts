import type Handlebars from 'handlebars';
import { lazyModule } from '../shared/lazy-module.ts';
import { AppError } from '../shared/errors.ts';

export type TemplateVariables = Record<string, unknown>;

// read on the first template, not at start-up (issue 21, idle memory)
const handlebars = lazyModule((load) => (load('handlebars') as typeof Handlebars).create());

/** Throws invalid_template when the text is not a valid template; returns the variables it uses. */
export function parseTemplate(body: string): string[] {
  let ast: hbs.AST.Program;
  try {
    ast = handlebars().parse(body);
  } catch (err) {
    throw new AppError('invalid_template', `The template does not parse: ${(err as Error).message.split('\n')[0]}`, 422);
  }
  const paths: string[] = [];
  for (const node of ast.body) {
    if (node.type !== 'MustacheStatement') {
      if (node.type !== 'ContentStatement' && node.type !== 'CommentStatement') {
        throw new AppError('invalid_template', 'Templates use variables like {{customer.first_name}} only; blocks and helpers are not allowed', 422);
      }
      continue;
    }
    const path = (node as hbs.AST.MustacheStatement).path as hbs.AST.PathExpression;
    if (path.type !== 'PathExpression' || (node as hbs.AST.MustacheStatement).params.length) {
      throw new AppError('invalid_template', 'Templates use variables like {{customer.first_name}} only; blocks and helpers are not allowed', 422);
    }
    paths.push(path.original);
  }
  return paths;
}

function lookup(vars: TemplateVariables, path: string): unknown {
  let v: unknown = vars;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/**
 * Renders `{{customer.first_name}}`-style templates in strict mode: a missing variable is an
 * error, never an empty string in front of a customer. Returns the plain text for the message
 * and an HTML-escaped version for HTML channels.
 */
export function renderTemplate(body: string, vars: TemplateVariables): { text: string; html: string } {
  for (const path of parseTemplate(body)) {
    const v = lookup(vars, path);
    if (v === undefined || v === null || v === '' || typeof v === 'object') {
      throw new AppError('template_variable_missing', `The template uses {{${path}}}, which has no value for this case`, 422, { variable: path });
    }
  }
  return {
    text: handlebars().compile(body, { strict: true, noEscape: true })(vars),
    html: handlebars().compile(body, { strict: true })(vars),
  };
}

export function firstName(name: string | null | undefined): string | undefined {
  const first = (name ?? '').trim().split(/\s+/)[0];
  return first || undefined;
}
