-- Listening (issue 14): a problem gathers its cases across every topic it is about. A signal counts
-- several related young topics; the problem made from it takes them all, and a later topic close to
-- one of them joins the problem (by rule) instead of raising a signal of its own. Each suggested case
-- says why it was suggested.
CREATE TABLE problem_topics (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  problem_id uuid NOT NULL,
  topic_id uuid NOT NULL,
  -- {"why": "problem_topic" | "signal_topic" | "related_topic", "to_topic_id", "cosine"}
  reason jsonb NOT NULL DEFAULT '{}',
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, problem_id, topic_id),
  FOREIGN KEY (account_id, problem_id) REFERENCES problems (account_id, id)
);
CREATE INDEX problem_topics_topic ON problem_topics (account_id, topic_id);
INSERT INTO problem_topics (account_id, problem_id, topic_id, reason)
SELECT account_id, id, topic_id, '{"why": "problem_topic"}' FROM problems WHERE topic_id IS NOT NULL;

-- why a case was suggested: {"why": "topic" | "signal_topic" | "related_topic", "topic_id", "cosine"}
ALTER TABLE problem_cases ADD COLUMN reason jsonb;
