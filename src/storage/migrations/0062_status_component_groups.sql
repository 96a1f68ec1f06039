-- Issue 15: status page components can be grouped and removed.
-- A group is a component that others name in group_id (one level: a component in a group holds none itself;
-- the code checks that). Statuspage's v2 JSON shows it as `group: true` with its components' ids.
ALTER TABLE status_components ADD COLUMN group_id uuid;
ALTER TABLE status_components ADD CONSTRAINT status_components_group
  FOREIGN KEY (account_id, group_id) REFERENCES status_components (account_id, id);
ALTER TABLE status_components ADD CONSTRAINT status_components_group_not_self CHECK (group_id IS NULL OR group_id <> id);
-- A removed component leaves the page, the lists and the choices, but stays for the incidents and the
-- subscriptions that named it (their history keeps its id; a subscriber of only removed components is not
-- silently widened to all).
ALTER TABLE status_components ADD COLUMN removed_at timestamptz;
ALTER TABLE status_components ADD CONSTRAINT status_components_removed_ungrouped CHECK (removed_at IS NULL OR group_id IS NULL);
