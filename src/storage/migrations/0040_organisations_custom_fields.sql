-- Organisations (a customer's company) and custom fields on cases, customers and organisations.

CREATE TABLE organisations (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  segment text NOT NULL DEFAULT 'standard' CHECK (segment ~ '^[a-z][a-z0-9_-]{0,31}$'),
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
  -- { key: value } for the account's organisation fields (validated in src/custom-fields/)
  custom_fields jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX organisations_name ON organisations (account_id, lower(name));

-- An e-mail domain an organisation claims: customers writing from it belong to it. One owner per domain.
CREATE TABLE organisation_domains (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  domain text NOT NULL CHECK (domain ~ '^[a-z0-9]([a-z0-9-]{0,62}\.)+[a-z]{2,63}$' AND length(domain) <= 253),
  organisation_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, domain),
  FOREIGN KEY (account_id, organisation_id) REFERENCES organisations (account_id, id)
);
CREATE INDEX organisation_domains_org ON organisation_domains (account_id, organisation_id);

ALTER TABLE customers ADD COLUMN organisation_id uuid;
ALTER TABLE customers ADD CONSTRAINT customers_organisation FOREIGN KEY (account_id, organisation_id) REFERENCES organisations (account_id, id);
CREATE INDEX customers_organisation ON customers (account_id, organisation_id) WHERE organisation_id IS NOT NULL;
-- the customers writing from a domain, for linking them when an organisation claims it
CREATE INDEX customer_identities_domain ON customer_identities (account_id, (split_part(value, '@', 2))) WHERE kind = 'email';

-- A custom field: what it is called, its type and (for one_of / several_of) its options.
CREATE TABLE custom_fields (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  entity text NOT NULL CHECK (entity IN ('case', 'customer', 'organisation')),
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label_nl text NOT NULL CHECK (length(label_nl) BETWEEN 1 AND 100),
  label_en text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 100),
  type text NOT NULL CHECK (type IN ('text', 'number', 'date', 'yes_no', 'one_of', 'several_of')),
  options text[] NOT NULL DEFAULT '{}',
  -- cases only: a case cannot be solved or closed while this field is empty
  required_on_solve boolean NOT NULL DEFAULT false,
  position int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, entity, key)
);

-- The values, one object per row: { "contract": "zakelijk", "seats": 12, "products": ["glasvezel"] }.
-- Filters are containment (custom_fields @> '{"contract":"zakelijk"}'), which a jsonb_path_ops index answers.
ALTER TABLE cases ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}';
ALTER TABLE customers ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}';
CREATE INDEX cases_custom_fields ON cases USING gin (custom_fields jsonb_path_ops);
CREATE INDEX customers_custom_fields ON customers USING gin (custom_fields jsonb_path_ops);
