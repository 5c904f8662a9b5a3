-- A lost reply the provider cannot be asked about is counted as paid (it may have been billed), and
-- the next send of that clip, by policy or by an operator's retry, is counted a possible duplicate.
-- Lost replies found again at the provider are counted, so the metrics can be read from the ledger.
ALTER TABLE generation_tasks ADD COLUMN outcome_unknown BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE generation_tasks ADD COLUMN adopted_replies INTEGER DEFAULT 0 NOT NULL;
