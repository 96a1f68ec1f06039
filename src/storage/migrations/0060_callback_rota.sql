-- Agents' callback hours (issue 17: "the team's real free capacity … agents' schedules"). Once any
-- active agent of an account has a row here, a callback slot takes as many bookings as agents on the
-- rota for the whole slot (times the door's bookings per slot), and each booking goes to one of them.
-- weekly: { "0".."6": [{ "start": "HH:MM", "end": "HH:MM" }] } in the desk's time zone;
-- absences: [{ "start": "YYYY-MM-DD", "end": "YYYY-MM-DD", "reason"? }], both days included.
CREATE TABLE agent_callback_hours (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  agent_id uuid NOT NULL,
  weekly jsonb NOT NULL DEFAULT '{}',
  absences jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, agent_id),
  FOREIGN KEY (account_id, agent_id) REFERENCES agents (account_id, id) ON DELETE CASCADE
);
