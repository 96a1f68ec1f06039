-- Knowledge base and public help centre (C7). Runs unchanged on PostgreSQL 15+ and PGlite.
-- An article has one current text per language (article_translations, searched) and a numbered
-- history of snapshots (article_versions): every edit appends a version, none is ever changed.

-- The help centre of an account lives at /help/<help_slug>; NULL: no public help centre.
ALTER TABLE accounts
  ADD COLUMN help_slug text UNIQUE CHECK (help_slug ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'),
  -- how a visitor reaches a person: {"email", "phone", "url", "hours"} (all optional)
  ADD COLUMN help_contact jsonb;

CREATE TABLE articles (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(?:-[a-z0-9]+)*$' AND length(slug) <= 120),
  -- internal: agents only; public: also in the help centre
  visibility text NOT NULL DEFAULT 'internal' CHECK (visibility IN ('internal', 'public')),
  tags text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, slug),
  FOREIGN KEY (account_id, created_by) REFERENCES agents (account_id, id)
);
CREATE INDEX articles_list ON articles (account_id, created_at DESC, id DESC);
CREATE INDEX articles_tags ON articles USING gin (tags);

CREATE TABLE article_translations (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  article_id uuid NOT NULL,
  language text NOT NULL CHECK (language IN ('nl', 'en')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body text NOT NULL,
  -- title weighs more than body (A vs B); each language with its own stemmer
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(CASE language WHEN 'nl' THEN 'dutch'::regconfig ELSE 'english'::regconfig END, title), 'A') ||
    setweight(to_tsvector(CASE language WHEN 'nl' THEN 'dutch'::regconfig ELSE 'english'::regconfig END, body), 'B')
  ) STORED,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, article_id, language),
  FOREIGN KEY (account_id, article_id) REFERENCES articles (account_id, id)
);
CREATE INDEX article_translations_search ON article_translations USING gin (tsv);

-- Document frequency of every stemmed term per account and language, kept by the application in
-- the transaction that changes a translation: suggestions pick a message's rarest (most telling)
-- terms with one indexed lookup instead of counting over all articles.
CREATE TABLE article_terms (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  language text NOT NULL CHECK (language IN ('nl', 'en')),
  lexeme text NOT NULL,
  df integer NOT NULL CHECK (df >= 0),
  PRIMARY KEY (account_id, language, lexeme)
);

CREATE TABLE article_versions (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  article_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  slug text NOT NULL,
  tags text[] NOT NULL,
  -- {"nl": {"title", "body"}, "en": {...}}: the whole text after this edit
  translations jsonb NOT NULL,
  -- what this edit changed, e.g. {"nl.body", "tags"}
  changed text[] NOT NULL DEFAULT '{}',
  actor_type text NOT NULL CHECK (actor_type IN ('agent', 'token', 'system', 'customer')),
  actor_id uuid,
  author_agent_id uuid,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (account_id, article_id, version),
  FOREIGN KEY (account_id, article_id) REFERENCES articles (account_id, id),
  FOREIGN KEY (account_id, author_agent_id) REFERENCES agents (account_id, id)
);
