-- Case references (LU-1042) are numbered per account. One global sequence let an account count
-- every other account's cases (open two cases a day apart: the gap is everyone's volume).
-- Every account now has a counter row, bumped in the statement that inserts the case (a trigger,
-- so every insert path gets it); the row lock makes concurrent inserts of one account take turns,
-- so numbers are unique per account without gaps. Existing references stay as they are: each
-- account's counter starts after its highest number so far; a new account starts at LU-1001.
CREATE TABLE case_counters (
  account_id uuid PRIMARY KEY REFERENCES accounts (account_id),
  last_number bigint NOT NULL
);

INSERT INTO case_counters (account_id, last_number)
SELECT account_id, max(number) FROM cases GROUP BY account_id;

CREATE FUNCTION cases_next_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.number IS NULL THEN
    INSERT INTO case_counters AS c (account_id, last_number) VALUES (NEW.account_id, 1001)
    ON CONFLICT (account_id) DO UPDATE SET last_number = c.last_number + 1
    RETURNING c.last_number INTO NEW.number;
  ELSE
    -- a number given explicitly (an import): later numbers go past it
    INSERT INTO case_counters AS c (account_id, last_number) VALUES (NEW.account_id, NEW.number)
    ON CONFLICT (account_id) DO UPDATE SET last_number = greatest(c.last_number, EXCLUDED.last_number);
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER cases_number BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION cases_next_number();

ALTER TABLE cases ALTER COLUMN number DROP DEFAULT;
DROP SEQUENCE case_number_seq;
