-- The promise sweeps hand out what fell due since their last run: how far each sweep has come.
-- (name: 'promises.breach' or 'promises.remind', with the accounts when a sweep is scoped to some)
CREATE TABLE sweep_marks (
  name text PRIMARY KEY,
  until timestamptz NOT NULL
);
