import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { createAccount } from '../../accounts/create-account.ts';
import { AppError } from '../../shared/errors.ts';

/**
 * First run without any account: the server prints a one-time link /setup?token=…; the page
 * creates the first account and its admin. Once an account exists the setup is closed for good.
 */
export function setupRoutes(app: FastifyInstance, db: Db, setupToken: { value: string | null }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const check = (token: string) => {
    const v = setupToken.value;
    if (!v || token.length !== v.length || !timingSafeEqual(Buffer.from(token), Buffer.from(v))) {
      throw new AppError('setup_closed', 'This setup link is not valid (any more). Use `npx luister setup`.', 403);
    }
  };

  r.get('/setup', {
    config: { permission: 'public' },
    schema: { hide: true, querystring: z.object({ token: z.string().max(200) }).strict() },
  }, async (req, reply) => {
    check(req.query.token);
    return reply.type('text/html; charset=utf-8').header('content-security-policy', SETUP_CSP).send(setupPage());
  });

  r.post('/setup', {
    config: { permission: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      hide: true,
      body: z
        .object({
          token: z.string().max(200),
          account_name: z.string().min(1).max(200),
          admin_email: z.email().max(320),
          admin_name: z.string().min(1).max(200),
          admin_password: z.string().min(10).max(1000),
        })
        .strict(),
    },
  }, async (req, reply) => {
    check(req.body.token);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
    if (n > 0) {
      setupToken.value = null;
      throw new AppError('setup_closed', 'Luister is already set up', 403);
    }
    const created = await createAccount(db, {
      name: req.body.account_name,
      adminEmail: req.body.admin_email,
      adminName: req.body.admin_name,
      adminPassword: req.body.admin_password,
    });
    setupToken.value = null;
    return reply.code(201).send({ account_id: created.account.account_id, admin_id: created.admin.id, token: created.token });
  });
}

const SETUP_STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1d2733}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font:inherit;background:#17603a;color:#fff;border:0;border-radius:4px}
pre{background:#f3f5f7;padding:1rem;white-space:pre-wrap;word-break:break-all}
a.button{display:inline-block;padding:.6rem 1.2rem;background:#17603a;color:#fff;border-radius:4px;text-decoration:none;font-weight:600}
.muted{color:#5b6472}code{background:#f3f5f7;padding:0 .25rem}`;
const SETUP_SCRIPT = `
document.getElementById('f').addEventListener('submit', async (e) => {
  e.preventDefault();
  const body = Object.fromEntries(new FormData(e.target));
  body.token = new URLSearchParams(location.search).get('token');
  const res = await fetch('/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json();
  const out = document.getElementById('out');
  if (!res.ok) { out.textContent = json.error.message; return; }
  e.target.remove();
  out.innerHTML = '<h2>Klaar</h2><p>Meld u aan in de werkplek met <strong></strong> en het wachtwoord dat u net koos.</p>'
    + '<p><a class="button" href="/app/">Naar de werkplek</a></p>'
    + '<p>Voor koppelingen: deze API-token wordt niet nog eens getoond, bewaar hem goed.</p><pre></pre>'
    + '<p><a href="/docs">API-documentatie</a></p>';
  out.querySelector('strong').textContent = body.admin_email;
  out.querySelector('pre').textContent = json.token;
  out.querySelector('a.button').focus();
});
`;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
/** The setup page runs its own inline script and style only (by hash), and talks to this server only. */
export const SETUP_CSP =
  `default-src 'none'; script-src ${sha256(SETUP_SCRIPT)}; style-src ${sha256(SETUP_STYLE)}; connect-src 'self'; ` +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function setupPage() {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Luister instellen</title>
<style>${SETUP_STYLE}</style></head>
<body><h1>Luister instellen</h1>
<p>Maak het eerste account en de eerste beheerder aan. Deze link werkt één keer.</p>
<p class="muted">Eerst rondkijken? Stop de server en laad een demo-account met twee weken geschiedenis: <code>npx luister demo</code>.</p>
<form id="f">
<label for="account_name">Naam van uw organisatie</label><input id="account_name" name="account_name" required maxlength="200">
<label for="admin_name">Uw naam</label><input id="admin_name" name="admin_name" required maxlength="200">
<label for="admin_email">Uw e-mailadres</label><input id="admin_email" name="admin_email" type="email" required>
<label for="admin_password">Wachtwoord (minstens 10 tekens)</label><input id="admin_password" name="admin_password" type="password" minlength="10" required>
<button>Aanmaken</button></form><div id="out" role="status"></div>
<script>${SETUP_SCRIPT}</script></body></html>`;
}
