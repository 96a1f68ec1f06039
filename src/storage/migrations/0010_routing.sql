-- Routing (C5): offers to agents by skills (topic, language), segment priority, availability and load.
ALTER TABLE agents
  -- languages the agent answers in (empty: any)
  ADD COLUMN languages text[] NOT NULL DEFAULT '{}',
  -- topics the agent knows, e.g. {parkeren,facturen} (matched against a case's topic)
  ADD COLUMN skills text[] NOT NULL DEFAULT '{}',
  ADD COLUMN available boolean NOT NULL DEFAULT true,
  ADD COLUMN max_open_cases integer NOT NULL DEFAULT 25 CHECK (max_open_cases BETWEEN 0 AND 1000),
  ADD COLUMN tier text NOT NULL DEFAULT 'L1' CHECK (tier IN ('L1', 'L2', 'L3'));

-- an offer made by routing (rather than by a person): a decline passes it on to the next agent
ALTER TABLE case_transfers ADD COLUMN routed boolean NOT NULL DEFAULT false;
