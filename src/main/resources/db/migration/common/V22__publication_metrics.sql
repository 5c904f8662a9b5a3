-- When a publication went out: the metrics checkpoints (1 h, 24 h, ...) count from here.
ALTER TABLE publications ADD COLUMN published_at TIMESTAMP WITH TIME ZONE;

-- Each publication's metrics as a time series: one sample per checkpoint (hours after posting),
-- written when the platform first answers with data for it. No row means no data yet (never 0).
-- metrics is a JSON object of the platform's numbers (views, likes, averageViewPercentage, ...).
CREATE TABLE publication_metrics (
    job_id           VARCHAR(36)   NOT NULL,
    platform         VARCHAR(32)   NOT NULL,
    checkpoint_hours INTEGER       NOT NULL,
    collected_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    source           VARCHAR(64)   NOT NULL,
    metrics          VARCHAR(4000) NOT NULL,
    PRIMARY KEY (job_id, platform, checkpoint_hours)
);
