-- Shorts cut from a job's long video. short_plans: how many the channel asked for, and why fewer
-- were cut when the video did not hold them. short_cuts: each short's run of whole scenes (inclusive),
-- where it sits on the long video's time line, its file once it passed the gates, and its state
-- (PLANNED, then RENDERED).
CREATE TABLE short_plans (
    job_id     VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES jobs (id),
    asked      INTEGER       NOT NULL,
    shortfall  VARCHAR(1000),
    planned_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE short_cuts (
    job_id        VARCHAR(36)      NOT NULL REFERENCES jobs (id),
    short_number  INTEGER          NOT NULL,
    first_scene   INTEGER          NOT NULL,
    last_scene    INTEGER          NOT NULL,
    start_seconds DOUBLE PRECISION NOT NULL,
    end_seconds   DOUBLE PRECISION NOT NULL,
    path          VARCHAR(1000),
    state         VARCHAR(16)      NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job_id, short_number)
);

-- A publication is keyed by (job, platform, short): short 0 is the long video itself, 1.. its shorts,
-- each out at most once per platform. The key changes by moving the rows to a table made anew (the
-- old key's constraint has no name both databases know).
ALTER TABLE publications RENAME TO publications_by_platform;
CREATE TABLE publications (
    job_id         VARCHAR(36)   NOT NULL REFERENCES jobs (id),
    platform       VARCHAR(32)   NOT NULL,
    short_number   INTEGER       DEFAULT 0 NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    location       VARCHAR(1000),
    error          VARCHAR(4000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE,
    upload_session VARCHAR(2000),
    PRIMARY KEY (job_id, platform, short_number)
);
INSERT INTO publications (job_id, platform, short_number, state, location, error, created_at, updated_at, published_at, upload_session)
    SELECT job_id, platform, 0, state, location, error, created_at, updated_at, published_at, upload_session FROM publications_by_platform;
DROP TABLE publications_by_platform;
