-- A channel's other languages: each is a job of its own (its storyboard translated, its voice, its
-- video, its publications) that shares the clips of the job it was translated from.
CREATE TABLE language_variants (
    job_id          VARCHAR(36) PRIMARY KEY REFERENCES jobs (id),
    original_job_id VARCHAR(36) NOT NULL REFERENCES jobs (id),
    language        VARCHAR(35) NOT NULL,
    UNIQUE (original_job_id, language)
);
