-- Webhooks out: each event (job.completed, job.parked, video.published, publication.failed,
-- budget.exceeded) is one delivery per subscribed URL, kept here until it is answered 2xx or its
-- attempts are used up, so deliveries survive a restart. The payload is the exact JSON sent (its
-- signature is made at each attempt, over that attempt's timestamp).
CREATE TABLE webhook_deliveries (
    id              VARCHAR(36)   PRIMARY KEY,
    event_id        VARCHAR(36)   NOT NULL,
    event_type      VARCHAR(32)   NOT NULL,
    job_id          VARCHAR(36),
    channel_id      VARCHAR(64),
    url             VARCHAR(2000) NOT NULL,
    payload         VARCHAR(65536) NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    claim_until     TIMESTAMP WITH TIME ZONE,
    last_status     INTEGER,
    last_error      VARCHAR(4000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_by_created ON webhook_deliveries (created_at);

-- Every attempt of a delivery: the HTTP status it got, or why it got none.
CREATE TABLE webhook_attempts (
    delivery_id  VARCHAR(36)   NOT NULL REFERENCES webhook_deliveries (id),
    attempt      INTEGER       NOT NULL,
    status       INTEGER,
    error        VARCHAR(4000),
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
