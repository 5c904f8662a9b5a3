-- A provider's concurrency limit counts its clips in flight before every paid submission.
CREATE INDEX generation_tasks_by_provider ON generation_tasks (provider, state);
