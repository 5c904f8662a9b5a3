-- A provider's concurrency limit counts its clips in flight before every paid submission.
CREATE INDEX generation_tasks_by_provider ON generation_tasks (provider, state);
-- The budget check before every paid submission sums the job's clips.
CREATE INDEX generation_tasks_by_job ON generation_tasks (job_id);
-- A scene's style (hero or broll) picks its chain of generation providers.
ALTER TABLE scenes ADD COLUMN style VARCHAR(16) DEFAULT 'broll' NOT NULL;
