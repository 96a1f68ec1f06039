-- Listening (issue 14): words that burst. Short complaints about one cause use different words, so
-- they land in several topics; what they share is that some of their words are suddenly far more
-- common than usual. The last day's messages keep their topic words here (one row per word), so a
-- message can be set against the window: which of its words are bursting, and who else used them.
-- Rows older than a day are pruned by the hourly sweep.
CREATE TABLE term_postings (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  term text NOT NULL,
  at timestamptz NOT NULL,
  message_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  PRIMARY KEY (account_id, term, at, message_id)
);
CREATE INDEX term_postings_message ON term_postings (account_id, message_id);
CREATE INDEX term_postings_at ON term_postings (account_id, at);
