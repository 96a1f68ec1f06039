-- Proactive communication (C4): announcements with an enforced minimum notice, incidents with an
-- enforced "next update by", and the public status page they feed.

-- Per account: the minimum notice per kind of change, extra days for vulnerable customers, the send
-- rate, the status page's address and the human contact route every customer message carries.
CREATE TABLE announcement_settings (
  account_id uuid PRIMARY KEY REFERENCES accounts (account_id),
  -- { "contract_terms": 30, … }; a kind not named here has the built-in default (see notice.ts)
  notice_days jsonb NOT NULL DEFAULT '{}',
  vulnerable_extra_days integer NOT NULL DEFAULT 7 CHECK (vulnerable_extra_days BETWEEN 0 AND 90),
  send_per_minute integer NOT NULL DEFAULT 600 CHECK (send_per_minute BETWEEN 1 AND 100000),
  -- the public status page: /status/<slug>; NULL = no public page
  status_slug text UNIQUE CHECK (status_slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  status_name text,
  -- an address or phone number of a person or team that answers (the default for new messages)
  contact_route text,
  -- raised in the same transaction as every change the status page shows: its cache key
  status_version bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Tags per customer (also used for products: "product:glasvezel"); an audience can pick one.
CREATE TABLE customer_tags (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  customer_id uuid NOT NULL,
  tag text NOT NULL CHECK (tag ~ '^[a-z0-9][a-z0-9:_-]{0,63}$'),
  PRIMARY KEY (account_id, customer_id, tag),
  FOREIGN KEY (account_id, customer_id) REFERENCES customers (account_id, id)
);
CREATE INDEX customer_tags_tag ON customer_tags (account_id, tag);

CREATE TABLE announcements (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('contract_terms', 'price_change', 'rebranding', 'service_change', 'planned_maintenance', 'other')),
  purpose text NOT NULL DEFAULT 'service' CHECK (purpose IN ('service', 'marketing')),
  -- { nl: { subject, body, plain }, en?: { subject, body, plain } }
  content jsonb NOT NULL,
  effective_at timestamptz NOT NULL,
  -- planned maintenance: when the work ends (shown on the status page)
  ends_at timestamptz,
  send_at timestamptz NOT NULL,
  -- { kind: 'all' | 'segment' | 'tag' | 'problem' | 'list', value?, emails? }
  audience jsonb NOT NULL,
  channels text[] NOT NULL DEFAULT '{email}',
  contact_route text NOT NULL CHECK (length(contact_route) BETWEEN 3 AND 200),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'sending', 'sent', 'cancelled')),
  notice_days integer NOT NULL,
  -- an admin scheduled it with less notice than the account's minimum: who, and why (shown with it)
  override_reason text,
  override_by uuid,
  problem_id uuid,
  show_on_status_page boolean NOT NULL DEFAULT false,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (send_at < effective_at),
  CHECK (ends_at IS NULL OR ends_at > effective_at),
  CHECK ((override_reason IS NULL) = (override_by IS NULL)),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, problem_id) REFERENCES problems (account_id, id),
  FOREIGN KEY (account_id, override_by) REFERENCES agents (account_id, id),
  FOREIGN KEY (account_id, created_by) REFERENCES agents (account_id, id)
);
CREATE INDEX announcements_list ON announcements (account_id, effective_at DESC, id);

-- One row per recipient: the send is resumable and each customer is written to once.
CREATE TABLE announcement_recipients (
  account_id uuid NOT NULL,
  announcement_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  email text NOT NULL,
  language text NOT NULL CHECK (language IN ('nl', 'en')),
  vulnerable boolean NOT NULL,
  send_at timestamptz NOT NULL,
  -- sending: handed to the relay, not yet confirmed (a crash here resends with the same Message-ID)
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'bounced', 'replied', 'skipped')),
  skip_reason text,
  email_message_id text NOT NULL,
  sent_at timestamptz,
  error text,
  PRIMARY KEY (account_id, announcement_id, customer_id),
  FOREIGN KEY (account_id, announcement_id) REFERENCES announcements (account_id, id),
  FOREIGN KEY (account_id, customer_id) REFERENCES customers (account_id, id)
);
CREATE INDEX announcement_recipients_due ON announcement_recipients (account_id, announcement_id, send_at) WHERE state IN ('queued', 'sending');
CREATE UNIQUE INDEX announcement_recipients_message ON announcement_recipients (account_id, email_message_id);

CREATE TABLE status_components (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name_nl text NOT NULL CHECK (length(name_nl) BETWEEN 1 AND 100),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);

CREATE TABLE incidents (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- { nl: "…", en?: "…" }
  title jsonb NOT NULL,
  impact text NOT NULL CHECK (impact IN ('none', 'minor', 'major', 'critical')),
  status text NOT NULL DEFAULT 'investigating' CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
  owner_id uuid NOT NULL,
  problem_id uuid,
  component_ids uuid[] NOT NULL DEFAULT '{}',
  -- the promised next update (NULL once resolved); reminded, overdue and escalated once per promise
  next_update_at timestamptz,
  reminded_at timestamptz,
  overdue_at timestamptz,
  escalated_at timestamptz,
  -- promises kept and broken over the incident's life (the kept rate)
  updates_on_time integer NOT NULL DEFAULT 0,
  updates_late integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  CHECK ((status = 'resolved') = (next_update_at IS NULL)),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, owner_id) REFERENCES agents (account_id, id),
  FOREIGN KEY (account_id, problem_id) REFERENCES problems (account_id, id)
);
CREATE INDEX incidents_list ON incidents (account_id, created_at DESC, id);
CREATE INDEX incidents_next_update ON incidents (next_update_at) WHERE status <> 'resolved';

CREATE TABLE incident_updates (
  account_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  incident_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
  -- { nl: { happened, doing, means }, en?: { … } }: the four parts, the fourth is next_update_at
  parts jsonb NOT NULL,
  next_update_at timestamptz,
  contact_route text NOT NULL CHECK (length(contact_route) BETWEEN 3 AND 200),
  -- posted after the promised time: the promise was broken
  late boolean NOT NULL DEFAULT false,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, incident_id) REFERENCES incidents (account_id, id),
  FOREIGN KEY (account_id, created_by) REFERENCES agents (account_id, id)
);
CREATE INDEX incident_updates_incident ON incident_updates (account_id, incident_id, created_at);
