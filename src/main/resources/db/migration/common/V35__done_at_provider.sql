-- A submitted clip the provider reports finished no longer takes one of the provider's slots while
-- Cutline downloads and checks it: the clip waiting for a slot is sent first.
ALTER TABLE generation_tasks ADD COLUMN done_at_provider BOOLEAN DEFAULT FALSE NOT NULL;
