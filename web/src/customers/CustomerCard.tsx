import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/format.ts';
import type { Customer } from '../shared/types.ts';
import type { Act } from '../shared/useAction.ts';
import { VulnerabilitySigns } from './VulnerabilitySigns.tsx';
import { OtherCases } from './OtherCases.tsx';
import { TagEditor } from '../tags/TagEditor.tsx';
import { FieldEditor } from '../custom-fields/FieldEditor.tsx';
import { CustomerOrganisation } from '../organisations/CustomerOrganisation.tsx';
import { ContactPreferences } from '../rights/ContactPreferences.tsx';
import { CustomerRights, type RightsAllowed } from '../rights/CustomerRights.tsx';

/** Who the customer is: name, segment, flags that change how we answer, and every way to reach them. */
export function CustomerCard({ customer, caseId, act, rights = { export: false, erase: false } }: { customer: Customer | null; caseId: string; act: Act; rights?: RightsAllowed }) {
  const { t } = useTranslation();
  if (!customer) return null;
  const flags = [customer.vulnerable && t('case.vulnerable'), customer.media && t('case.media'), customer.sales_opt_out && t('case.salesOptOut')].filter(Boolean);
  return (
    <section className="card" aria-labelledby="customer-title">
      <h2 id="customer-title">{t('case.customer')}</h2>
      <p className="customer-name">{customer.name || customer.identities[0]?.value}</p>
      <dl className="facts">
        <div>
          <dt>{t('case.segment')}</dt>
          <dd>{t(`segment.${customer.segment}`, { defaultValue: customer.segment })}</dd>
        </div>
        {flags.length > 0 && (
          <div>
            <dt>{t('case.flags')}</dt>
            <dd>
              {flags.map((f) => (
                <span key={String(f)} className="badge flag">
                  {f}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
      <CustomerOrganisation organisationId={customer.organisation_id ?? null} />
      <TagEditor id="customer-tags" path={`/api/v1/customers/${customer.id}/tags`} tags={customer.tags ?? []} act={act} />
      <FieldEditor entity="customer" id={customer.id} values={customer.custom_fields ?? {}} path={`/api/v1/customers/${customer.id}`} act={act} />
      <VulnerabilitySigns customer={customer} act={act} />
      <h3>{t('case.identities')}</h3>
      <ul className="identities">
        {customer.identities.map((i) => (
          <li key={i.id}>
            <span className="muted">{t(`identityKind.${i.kind}`, { defaultValue: i.kind })}</span> {i.value}
            {i.bouncing_since && (
              <span className="badge bounce" title={i.bounce_reason ?? undefined}>
                {t('case.bouncing', { date: formatDateTime(i.bouncing_since) })}
              </span>
            )}
          </li>
        ))}
      </ul>
      <ContactPreferences customerId={customer.id} version={String(customer.sales_opt_out)} act={act} />
      <CustomerRights customerId={customer.id} allowed={rights} act={act} />
      <OtherCases customerId={customer.id} caseId={caseId} />
    </section>
  );
}
