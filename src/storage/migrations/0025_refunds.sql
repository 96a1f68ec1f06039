-- Refunds (C6, issue 16): refund requests on a case with approval by amount and a refund_by
-- promise; the charge ledger imported from billing; findings (double charges, overcharges against
-- a tariff rule) that propose a refund before the customer calls; SEPA batches (pain.001).

-- Per account: up to which amount an agent approves a refund (above it a supervisor, never the
-- requester), how many business days a refund may take, the double-charge window, and the
-- account the refunds are paid from (the debtor of the SEPA credit transfer).
CREATE TABLE refund_settings (
  account_id uuid NOT NULL PRIMARY KEY REFERENCES accounts (account_id),
  agent_limit_cents bigint NOT NULL DEFAULT 5000 CHECK (agent_limit_cents >= 0),
  target_business_days integer NOT NULL DEFAULT 5 CHECK (target_business_days BETWEEN 1 AND 60),
  double_charge_window_minutes integer NOT NULL DEFAULT 1440 CHECK (double_charge_window_minutes BETWEEN 1 AND 525600),
  debtor_name text CHECK (length(debtor_name) <= 70),
  debtor_iban text,
  debtor_bic text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per charge from the billing system; the external charge id makes a re-import a no-op.
-- customer_ref is the e-mail address, phone number or external id as billing knows the customer
-- (normalised); it is matched to a customer only when a finding needs one.
CREATE TABLE charges (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  charge_ref text NOT NULL CHECK (length(charge_ref) BETWEEN 1 AND 200),
  customer_ref text NOT NULL CHECK (length(customer_ref) BETWEEN 1 AND 320),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  charged_at timestamptz NOT NULL,
  merchant_ref text,
  description text,
  product text,
  -- units of the product (minutes parked, sessions): the tariff rule multiplies it
  quantity numeric,
  import_id uuid,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, charge_ref)
);
-- No more indexes: each one costs the import (a million rows) more than the detection gains
-- (its window sorts the account's charges once either way).

-- Every import: what was read, kept, skipped as already there, and refused (the first 200 bad
-- rows with line, field and reason; the count is exact).
CREATE TABLE ledger_imports (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  file_name text NOT NULL DEFAULT '',
  mapping jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  rows_read bigint NOT NULL DEFAULT 0,
  rows_imported bigint NOT NULL DEFAULT 0,
  rows_already_there bigint NOT NULL DEFAULT 0,
  rows_bad bigint NOT NULL DEFAULT 0,
  lines_reencoded bigint NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]',
  imported_by uuid,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (account_id, id)
);

-- Tariff rules as data: a charge for `product` should cost at most
-- fixed_cents + unit_price_cents × quantity (capped at max_cents when set), plus a tolerance.
CREATE TABLE tariff_rules (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  product text NOT NULL CHECK (length(product) BETWEEN 1 AND 200),
  currency text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
  fixed_cents bigint NOT NULL DEFAULT 0 CHECK (fixed_cents >= 0),
  unit_price_cents numeric NOT NULL DEFAULT 0 CHECK (unit_price_cents >= 0),
  max_cents bigint CHECK (max_cents > 0),
  tolerance_cents bigint NOT NULL DEFAULT 0 CHECK (tolerance_cents >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, product, currency)
);

-- What detection found in the ledger; each proposes a refund. A supervisor approves (a refund
-- request is made on the customer's case) or dismisses it.
CREATE TABLE charge_findings (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('double_charge', 'overcharge')),
  charge_id uuid NOT NULL,
  related_charge_id uuid,
  customer_ref text NOT NULL,
  customer_id uuid,
  case_id uuid,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  currency text NOT NULL,
  explanation text NOT NULL,
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'dismissed')),
  refund_id uuid,
  decided_by uuid,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, kind, charge_id),
  FOREIGN KEY (account_id, charge_id) REFERENCES charges (account_id, id),
  FOREIGN KEY (account_id, customer_id) REFERENCES customers (account_id, id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id)
);
CREATE INDEX charge_findings_status ON charge_findings (account_id, status, created_at);
CREATE INDEX charge_findings_customer ON charge_findings (account_id, customer_id);

-- A SEPA credit-transfer file of approved refunds to IBANs; marking it paid pays its refunds.
CREATE TABLE refund_batches (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  message_id text NOT NULL,
  format text NOT NULL DEFAULT 'pain.001.001.03' CHECK (format IN ('pain.001.001.03', 'pain.001.001.09')),
  refund_count integer NOT NULL,
  total_cents bigint NOT NULL,
  xml text NOT NULL,
  status text NOT NULL DEFAULT 'exported' CHECK (status IN ('exported', 'paid')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  paid_at timestamptz,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, message_id)
);

CREATE TABLE refunds (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  charge_id uuid,
  destination text NOT NULL CHECK (destination IN ('iban', 'original_payment')),
  iban text,
  account_holder text CHECK (length(account_holder) <= 70),
  state text NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'approved', 'paid', 'rejected')),
  requested_by uuid,
  approved_by uuid,
  approved_at timestamptz,
  rejected_by uuid,
  rejected_at timestamptz,
  rejection_reason text,
  -- the message that told the customer (of a rejection, or of the payment)
  told_message_id uuid,
  batch_id uuid,
  paid_at timestamptz,
  promise_id uuid,
  finding_id uuid,
  problem_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (destination <> 'iban' OR (iban IS NOT NULL AND account_holder IS NOT NULL)),
  CHECK (state <> 'rejected' OR rejection_reason IS NOT NULL),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  FOREIGN KEY (account_id, customer_id) REFERENCES customers (account_id, id),
  FOREIGN KEY (account_id, charge_id) REFERENCES charges (account_id, id),
  FOREIGN KEY (account_id, requested_by) REFERENCES agents (account_id, id),
  FOREIGN KEY (account_id, approved_by) REFERENCES agents (account_id, id),
  FOREIGN KEY (account_id, rejected_by) REFERENCES agents (account_id, id),
  FOREIGN KEY (account_id, batch_id) REFERENCES refund_batches (account_id, id),
  FOREIGN KEY (account_id, promise_id) REFERENCES promises (account_id, id),
  FOREIGN KEY (account_id, finding_id) REFERENCES charge_findings (account_id, id)
);
CREATE INDEX refunds_case ON refunds (account_id, case_id);
CREATE INDEX refunds_state ON refunds (account_id, state, created_at);
-- one open refund per finding: approving a finding twice makes one request
CREATE UNIQUE INDEX refunds_finding ON refunds (account_id, finding_id) WHERE finding_id IS NOT NULL AND state <> 'rejected';
