-- Custom roles (issue 20). A role an account composes from named permissions (src/accounts/permissions.ts)
-- and gives to agents on top of their built-in role (agent, supervisor, admin): it only GRANTS, never takes
-- away. The names are checked against the code's permission table when a role is written (the database
-- cannot know them); an unknown name left by an older version grants nothing (can() looks names up).
CREATE TABLE custom_roles (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
  permissions text[] NOT NULL DEFAULT '{}' CHECK (cardinality(permissions) <= 200),
  -- the agent who made it (NULL: the CLI)
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX custom_roles_name ON custom_roles (account_id, lower(name));

-- at most one custom role per agent; deleting a role first takes it from its agents (delete-custom-role.ts)
ALTER TABLE agents ADD COLUMN custom_role_id uuid;
ALTER TABLE agents ADD CONSTRAINT agents_custom_role_fk FOREIGN KEY (account_id, custom_role_id) REFERENCES custom_roles (account_id, id);
CREATE INDEX agents_custom_role ON agents (account_id, custom_role_id) WHERE custom_role_id IS NOT NULL;
