import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../shared/api.ts';
import { onLinkClick, organisationHref } from '../shared/router.ts';
import type { Organisation } from './types.ts';

/** The customer's organisation, as a link to its page (nothing when they have none). */
export function CustomerOrganisation({ organisationId }: { organisationId: string | null }) {
  const { t } = useTranslation();
  const [org, setOrg] = useState<Organisation | null>(null);
  useEffect(() => {
    setOrg(null);
    if (!organisationId) return;
    const ac = new AbortController();
    get<Organisation>(`/api/v1/organisations/${organisationId}`, ac.signal).then(setOrg).catch(() => undefined);
    return () => ac.abort();
  }, [organisationId]);
  if (!org) return null;
  return (
    <p className="customer-organisation">
      <span className="muted">{t('organisations.of')}</span> <a href={organisationHref(org.id)} onClick={onLinkClick}>{org.name}</a>
    </p>
  );
}
