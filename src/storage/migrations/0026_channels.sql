-- Intake channels (C2, issue 17): every door leads to a person. The public contact form, callback
-- booking and the chat widget; each feeds the same intake road as e-mail.

-- Per account: the public address of its doors (/contact/<slug>, the widget), which fields the form
-- asks, which websites may embed the form and the widget, the spam limits, and callback slots.
CREATE TABLE channel_settings (
  account_id uuid PRIMARY KEY REFERENCES accounts (account_id),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'),
  form_enabled boolean NOT NULL DEFAULT true,
  -- [{ "key": "order_number", "label": { "nl": "Ordernummer", "en": "Order number" }, "required": false, "max": 100 }, …]
  form_fields jsonb NOT NULL DEFAULT '[]',
  -- origins (https://www.example.nl) whose pages may frame the form and load the widget
  allowed_origins text[] NOT NULL DEFAULT '{}',
  -- signs the form's timestamp (minimum fill time): never shown, never logged
  form_secret text NOT NULL,
  min_fill_seconds integer NOT NULL DEFAULT 3 CHECK (min_fill_seconds BETWEEN 0 AND 600),
  submissions_per_hour integer NOT NULL DEFAULT 10 CHECK (submissions_per_hour BETWEEN 1 AND 1000),
  callback_enabled boolean NOT NULL DEFAULT true,
  callback_slot_minutes integer NOT NULL DEFAULT 30 CHECK (callback_slot_minutes IN (15, 20, 30, 60)),
  -- how many callbacks one slot takes (agents who can call at the same time)
  callback_capacity integer NOT NULL DEFAULT 1 CHECK (callback_capacity BETWEEN 1 AND 100),
  callback_days_ahead integer NOT NULL DEFAULT 10 CHECK (callback_days_ahead BETWEEN 1 AND 60),
  chat_enabled boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Hits per client address and window, for the public doors' rate limits. The address is stored as a
-- keyed hash only (personal data), and old windows are removed as new ones are counted.
CREATE TABLE intake_throttle (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  door text NOT NULL,
  client text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL DEFAULT 1,
  PRIMARY KEY (account_id, door, client, window_start)
);
CREATE INDEX intake_throttle_old ON intake_throttle (window_start);

-- Callback slots: how many callbacks are booked in each slot. A booking increments its slot in one
-- statement that refuses when the slot is full, so concurrent bookings never overfill it.
CREATE TABLE callback_slots (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  slot_start timestamptz NOT NULL,
  booked integer NOT NULL DEFAULT 0 CHECK (booked >= 0),
  PRIMARY KEY (account_id, slot_start)
);

CREATE TABLE callback_bookings (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  promise_id uuid NOT NULL,
  slot_start timestamptz NOT NULL,
  slot_end timestamptz NOT NULL,
  phone text NOT NULL,
  -- sha256 of the link's secret that lets the customer move or cancel the booking
  manage_hash text NOT NULL UNIQUE,
  state text NOT NULL DEFAULT 'booked' CHECK (state IN ('booked', 'moved', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (slot_start < slot_end),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  FOREIGN KEY (account_id, promise_id) REFERENCES promises (account_id, id)
);
CREATE INDEX callback_bookings_case ON callback_bookings (account_id, case_id);

-- Chat: one session per visitor conversation (a case), and its entries numbered per session. The
-- number is taken under the session's row lock, so entries commit in number order and a reader that
-- resumes after number n (its cursor) misses nothing and sees nothing twice.
CREATE TABLE chat_sessions (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  -- sha256 of the visitor's session secret (kept in the browser)
  token_hash text NOT NULL UNIQUE,
  -- the visitor's identity when they gave no address: social 'chat:v…' (one customer across channels once they do)
  visitor text NOT NULL,
  language text NOT NULL DEFAULT 'nl',
  last_seq integer NOT NULL DEFAULT 0,
  wants_person boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  FOREIGN KEY (account_id, customer_id) REFERENCES customers (account_id, id)
);
CREATE INDEX chat_sessions_case ON chat_sessions (account_id, case_id);

CREATE TABLE chat_entries (
  account_id uuid NOT NULL,
  session_id uuid NOT NULL,
  seq integer NOT NULL,
  message_id uuid NOT NULL,
  PRIMARY KEY (account_id, session_id, seq),
  UNIQUE (account_id, message_id),
  FOREIGN KEY (account_id, session_id) REFERENCES chat_sessions (account_id, id),
  FOREIGN KEY (account_id, message_id) REFERENCES messages (account_id, id)
);
