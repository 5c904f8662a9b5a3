-- Every call to a brief or storyboard writer, valid or not: the tokens it used and what it cost,
-- charged to the job (an LLM's repair attempts are paid like first drafts).
CREATE TABLE writer_calls (
    job_id        VARCHAR(36)   NOT NULL REFERENCES jobs (id),
    document      VARCHAR(16)   NOT NULL,
    attempt       INTEGER       NOT NULL,
    writer        VARCHAR(64)   NOT NULL,
    model         VARCHAR(200),
    input_tokens  INTEGER       NOT NULL,
    output_tokens INTEGER       NOT NULL,
    usd           DOUBLE PRECISION NOT NULL,
    outcome       VARCHAR(4000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX writer_calls_by_job ON writer_calls (job_id);
