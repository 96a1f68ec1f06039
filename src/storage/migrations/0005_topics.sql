-- Listening (C3), second part: the streaming topic clusterer's state per account
-- (src/listening/clustering/pg-store.ts). Bounded by upkeep: terms by decay, topics by retirement.

-- Document counters: docs decays with the document frequencies (the N of the IDF); seq never does.
CREATE TABLE cluster_state (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  docs double precision NOT NULL DEFAULT 0,
  seq bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id)
);

-- Decayed document frequency per term (stem).
CREATE TABLE cluster_terms (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  term text NOT NULL,
  df double precision NOT NULL,
  PRIMARY KEY (account_id, term)
);

-- The few most seen surface forms per term (for readable labels); a new form replaces the rarest.
CREATE TABLE cluster_term_forms (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  term text NOT NULL,
  form text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (account_id, term, form)
);

-- Topics, live (retired_at null) and as history. centroid: [[term, weight], ...] in the
-- clusterer's order (a jsonb object would reorder the keys).
CREATE TABLE topics (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text,
  centroid jsonb NOT NULL DEFAULT '[]',
  norm double precision NOT NULL DEFAULT 0,
  size integer NOT NULL DEFAULT 0,
  first_seq bigint NOT NULL,
  last_seq bigint NOT NULL,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  retired_at timestamptz,
  merged_into uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);
CREATE INDEX topics_live ON topics (account_id, last_seq) WHERE retired_at IS NULL;

-- Inverted index of the live topics: term -> (topic, centroid[term] / norm).
CREATE TABLE topic_terms (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  term text NOT NULL,
  topic_id uuid NOT NULL,
  weight double precision NOT NULL,
  PRIMARY KEY (account_id, term, topic_id),
  FOREIGN KEY (account_id, topic_id) REFERENCES topics (account_id, id)
);
CREATE INDEX topic_terms_topic ON topic_terms (account_id, topic_id);
