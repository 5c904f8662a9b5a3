-- Hosted (paid) generations: every submission is recorded before it is sent (state SENDING) and
-- its handle the moment the reply arrives (SUBMITTED); a reply that never came is UNKNOWN until the
-- provider is asked. Tasks are claimed by one node at a time for sending and checking.
ALTER TABLE generation_tasks DROP COLUMN provider_task_id;
ALTER TABLE generation_tasks ADD COLUMN handle VARCHAR(1000);
ALTER TABLE generation_tasks ADD COLUMN job_id VARCHAR(36);
ALTER TABLE generation_tasks ADD COLUMN seconds DOUBLE PRECISION;
ALTER TABLE generation_tasks ADD COLUMN price_per_second DOUBLE PRECISION;
ALTER TABLE generation_tasks ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE generation_tasks ADD COLUMN next_check_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE generation_tasks ADD COLUMN checks INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE generation_tasks ADD COLUMN claim_owner VARCHAR(64);
ALTER TABLE generation_tasks ADD COLUMN claim_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE generation_tasks ADD COLUMN possible_duplicates INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE generation_tasks ADD COLUMN paid_submissions INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX generation_tasks_due ON generation_tasks (state, next_check_at);
