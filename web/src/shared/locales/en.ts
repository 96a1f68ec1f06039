import { workspace } from './en/workspace.ts';
import { cases } from './en/cases.ts';
import { problems } from './en/problems.ts';
import { promises } from './en/promises.ts';
import { insight } from './en/insight.ts';
import { knowledge } from './en/knowledge.ts';
import { refunds } from './en/refunds.ts';
import { rights } from './en/rights.ts';
import { announcements } from './en/announcements.ts';
import { channels } from './en/channels.ts';
import { macros } from './en/macros.ts';
import { sso } from './en/sso.ts';
import { twoFactor } from './en/twoFactor.ts';
import { organisations } from './en/organisations.ts';
import { roles } from './en/roles.ts';
import { settings } from './en/settings.ts';
import { imports } from './en/imports.ts';
import { portal } from './en/portal.ts';
import { rules } from './en/rules.ts';
import type { Shape, nl } from './nl.ts';

/** UI text in English: every key of the Dutch texts, one file per screen group in en/ (each checked against its Dutch twin). */
export const en: Shape<typeof nl> = {
  ...workspace,
  ...cases,
  ...problems,
  ...promises,
  ...insight,
  ...knowledge,
  ...refunds,
  ...rights,
  ...announcements,
  ...channels,
  ...macros,
  ...sso,
  ...twoFactor,
  ...organisations,
  ...roles,
  ...settings,
  ...imports,
  ...portal,
  ...rules,
};
