import { workspace } from './nl/workspace.ts';
import { cases } from './nl/cases.ts';
import { problems } from './nl/problems.ts';
import { promises } from './nl/promises.ts';
import { insight } from './nl/insight.ts';
import { knowledge } from './nl/knowledge.ts';
import { refunds } from './nl/refunds.ts';
import { rights } from './nl/rights.ts';
import { announcements } from './nl/announcements.ts';
import { channels } from './nl/channels.ts';
import { macros } from './nl/macros.ts';
import { sso } from './nl/sso.ts';
import { twoFactor } from './nl/twoFactor.ts';
import { organisations } from './nl/organisations.ts';
import { roles } from './nl/roles.ts';
import { settings } from './nl/settings.ts';
import { imports } from './nl/imports.ts';
import { portal } from './nl/portal.ts';
import { rules } from './nl/rules.ts';

/** UI text in Dutch, the first language: one file per screen group in nl/; en.ts has every key (checked by its type). */
export const nl = {
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

/** The shape of the texts: English (and any later language) must have every key Dutch has. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
