-- Refunds (issue 16), the parts left: customers known to billing by an external id, the IBAN a
-- customer's refunds go to, cancellations, and charges after a cancellation as a finding.

-- An identity kind for the id a billing or CRM system gives a customer ("K-000123"): the charge
-- ledger's customer reference may be one, and a ledger row then finds its customer by it.
ALTER TABLE customer_identities DROP CONSTRAINT customer_identities_kind_check;
ALTER TABLE customer_identities ADD CONSTRAINT customer_identities_kind_check CHECK (kind IN ('email', 'phone', 'social', 'external'));

-- The account a customer's refunds are paid to (checked with ibantools, electronic form), with the
-- holder's name: a bulk refund pays them there, so the SEPA export includes them.
ALTER TABLE customers ADD COLUMN refund_iban text;
ALTER TABLE customers ADD COLUMN refund_account_holder text CHECK (length(refund_account_holder) <= 70);
ALTER TABLE customers ADD CONSTRAINT customers_refund_iban_holder CHECK (refund_iban IS NULL OR refund_account_holder IS NOT NULL);

-- A customer's cancellation (recorded by an agent or through the API): from cancelled_at on, no
-- charge is due for the product (or for anything, when product is null).
CREATE TABLE customer_cancellations (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL,
  product text CHECK (length(product) BETWEEN 1 AND 200),
  cancelled_at timestamptz NOT NULL,
  note text CHECK (length(note) <= 1000),
  recorded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, customer_id) REFERENCES customers (account_id, id)
);
CREATE INDEX customer_cancellations_customer ON customer_cancellations (account_id, customer_id, cancelled_at);

-- The ledger may carry the cancellation too: an optional cancelled_at column on a charge row says
-- the customer's subscription to the row's product ended then.
ALTER TABLE charges ADD COLUMN cancelled_at timestamptz;

ALTER TABLE charge_findings DROP CONSTRAINT charge_findings_kind_check;
ALTER TABLE charge_findings ADD CONSTRAINT charge_findings_kind_check CHECK (kind IN ('double_charge', 'overcharge', 'after_cancellation'));
