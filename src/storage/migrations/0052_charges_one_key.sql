-- The charge ledger's import at COPY speed, part two (issue 16): `charges` keeps ONE unique index.
--
-- It had two: the primary key on a uuid `id` of Luister's making, and UNIQUE (account_id, charge_ref) on
-- billing's charge id. Keeping both B-trees cost the import more than a whole bare COPY of the file
-- (bench/README.md, "Charge-ledger import"). What each guarded:
--   * UNIQUE (account_id, charge_ref): a charge exists once per account — a re-import of the same file
--     changes nothing (INSERT … ON CONFLICT DO NOTHING on it).
--   * PRIMARY KEY (account_id, id): that `id` names one charge, so charge_findings (charge_id) and
--     refunds (charge_id) could reference a charge by a foreign key. Nothing else needed the uuid.
-- Billing's charge id already names one charge per account, so it becomes the primary key and the
-- references use it: charge_findings.charge_id, charge_findings.related_charge_id and refunds.charge_id
-- now hold billing's charge id (text, the "C" collation like charge_ref), and the foreign keys point at
-- (account_id, charge_ref). The uuid column goes. Both guarantees stay, with one index.

-- findings: the charge as billing names it
ALTER TABLE charge_findings ADD COLUMN charge_ref text COLLATE "C";
ALTER TABLE charge_findings ADD COLUMN related_charge_ref text COLLATE "C";
UPDATE charge_findings f SET charge_ref = ch.charge_ref FROM charges ch WHERE ch.account_id = f.account_id AND ch.id = f.charge_id;
UPDATE charge_findings f SET related_charge_ref = ch.charge_ref FROM charges ch WHERE ch.account_id = f.account_id AND ch.id = f.related_charge_id;
-- (dropping the columns drops their unique constraint and foreign key)
ALTER TABLE charge_findings DROP COLUMN charge_id;
ALTER TABLE charge_findings DROP COLUMN related_charge_id;
ALTER TABLE charge_findings RENAME COLUMN charge_ref TO charge_id;
ALTER TABLE charge_findings RENAME COLUMN related_charge_ref TO related_charge_id;
ALTER TABLE charge_findings ALTER COLUMN charge_id SET NOT NULL;

-- refunds: the charge a refund pays back, as billing names it
ALTER TABLE refunds ADD COLUMN charge_ref text COLLATE "C";
UPDATE refunds r SET charge_ref = ch.charge_ref FROM charges ch WHERE ch.account_id = r.account_id AND ch.id = r.charge_id;
ALTER TABLE refunds DROP COLUMN charge_id;
ALTER TABLE refunds RENAME COLUMN charge_ref TO charge_id;

-- charges: billing's charge id is the key; the uuid goes
ALTER TABLE charges DROP CONSTRAINT charges_pkey;
ALTER TABLE charges DROP CONSTRAINT charges_account_id_charge_ref_key;
ALTER TABLE charges DROP COLUMN id;
ALTER TABLE charges ADD PRIMARY KEY (account_id, charge_ref);

ALTER TABLE charge_findings ADD CONSTRAINT charge_findings_account_id_kind_charge_id_key UNIQUE (account_id, kind, charge_id);
ALTER TABLE charge_findings ADD CONSTRAINT charge_findings_account_id_charge_id_fkey
  FOREIGN KEY (account_id, charge_id) REFERENCES charges (account_id, charge_ref);
ALTER TABLE refunds ADD CONSTRAINT refunds_account_id_charge_id_fkey
  FOREIGN KEY (account_id, charge_id) REFERENCES charges (account_id, charge_ref);
-- refunds of one charge are summed when another is asked for (more than the charge is refused)
CREATE INDEX refunds_charge ON refunds (account_id, charge_id) WHERE charge_id IS NOT NULL;
