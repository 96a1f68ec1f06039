import { AppError } from '../../shared/errors.ts';

/**
 * An export is one account of the source helpdesk. Where its records say which (Chatwoot's
 * account_id, the Zendesk subdomain in a record's url), a record of another account is refused
 * before anything is stored: its ids would be read as this account's — a ticket of account 7 taken
 * for the conversation of the same number of account 3, a contact joined to a stranger's case.
 * Returns the one account (null when no record says).
 */
export function oneSourceAccount(product: string, entries: Iterable<{ where: string; account: string | null | undefined }>): string | null {
  let first: { where: string; account: string } | null = null;
  for (const e of entries) {
    if (e.account === null || e.account === undefined || e.account === '') continue;
    if (!first) first = { where: e.where, account: e.account };
    else if (e.account !== first.account) {
      throw new AppError('import_foreign_reference',
        `${e.where} belongs to ${product} account ${e.account}, but ${first.where} to account ${first.account}: an export holds one account; export each account separately. Nothing was imported.`,
        400, { where: e.where, account: e.account, expected: first.account });
    }
  }
  return first?.account ?? null;
}
