-- Merge and split cases, followers (issue 19).

-- A merged case is closed and points at the case it went into (its messages, promises, tags, problem
-- links … moved there: src/cases/merge-cases.ts). A chain never forms: a merge re-points the cases
-- that went into the case being merged away, so every pointer names a case that is not merged.
ALTER TABLE cases ADD COLUMN merged_into_id uuid;
ALTER TABLE cases ADD COLUMN merged_at timestamptz;
ALTER TABLE cases ADD CONSTRAINT cases_merged_into FOREIGN KEY (account_id, merged_into_id) REFERENCES cases (account_id, id);
ALTER TABLE cases ADD CONSTRAINT cases_merged_closed CHECK (merged_into_id IS NULL OR (status = 'closed' AND merged_into_id <> id));
CREATE INDEX cases_merged_into ON cases (account_id, merged_into_id) WHERE merged_into_id IS NOT NULL;

-- Where the service-level clocks start when that is not the case's creation (NULL: created_at): a merge
-- keeps the earlier of the two, a split starts at the first customer message it moved.
ALTER TABLE cases ADD COLUMN sla_started_at timestamptz;

-- Agents who get a case's notifications without owning it (src/cases/follow-case.ts).
CREATE TABLE case_followers (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  case_id uuid NOT NULL,
  agent_id uuid NOT NULL,
  -- who added them (themselves, a colleague; NULL: the system or the CLI)
  added_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, case_id, agent_id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  FOREIGN KEY (account_id, agent_id) REFERENCES agents (account_id, id)
);
CREATE INDEX case_followers_agent ON case_followers (account_id, agent_id);
