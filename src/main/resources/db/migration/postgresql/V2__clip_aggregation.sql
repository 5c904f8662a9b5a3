-- Camel PostgresAggregationRepository tables for the aggregator that collects clips per job.
CREATE TABLE clip_aggregation (
    id       VARCHAR(255) NOT NULL PRIMARY KEY,
    exchange BYTEA        NOT NULL,
    version  BIGINT       NOT NULL
);
CREATE TABLE clip_aggregation_completed (
    id       VARCHAR(255) NOT NULL PRIMARY KEY,
    exchange BYTEA        NOT NULL,
    version  BIGINT       NOT NULL
);
