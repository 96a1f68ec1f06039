-- Listening (C3): a signal with at least this many complaints opens a problem by itself (NULL: never).
ALTER TABLE account_settings ADD COLUMN auto_problem_min_count integer CHECK (auto_problem_min_count >= 2);
