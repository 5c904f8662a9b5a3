-- A brief's hook variants (channel testing.hookVariants). Planned with the brief's format arm: one row
-- per variant, number 1 the brief's own job; each other variant becomes a job of its own (job_id,
-- made when the storyboard is written) that shares the original's clips and narration except its
-- opening line, and goes to one platform (platform) or, when null, to all of the channel's.
CREATE TABLE hook_variants (
    original_job_id VARCHAR(36)   NOT NULL REFERENCES jobs (id),
    variant_number  INTEGER       NOT NULL,
    job_id          VARCHAR(36)   UNIQUE REFERENCES jobs (id),
    hook_style      VARCHAR(32)   NOT NULL,
    arm             VARCHAR(200)  NOT NULL,
    reason          VARCHAR(4000) NOT NULL,
    platform        VARCHAR(32),
    PRIMARY KEY (original_job_id, variant_number)
);
