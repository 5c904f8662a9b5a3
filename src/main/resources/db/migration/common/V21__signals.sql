-- Each channel's trend signals as its sources last gave them (one snapshot per source, replaced on
-- each successful poll; a source that fails keeps its last good snapshot), normalized to one record.
CREATE TABLE signals (
    channel_id VARCHAR(64)   NOT NULL,
    source     VARCHAR(2000) NOT NULL,
    position   INTEGER       NOT NULL,
    link       VARCHAR(2000) NOT NULL,
    title      VARCHAR(1000) NOT NULL,
    summary    VARCHAR(20000) NOT NULL,
    published  TIMESTAMP WITH TIME ZONE,
    metrics    VARCHAR(4000) NOT NULL,
    tags       VARCHAR(4000) NOT NULL,
    polled_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX signals_by_channel ON signals (channel_id);

-- Quota units spent per API and day (UTC), counted before each call against the configured daily quota.
CREATE TABLE signal_quota (
    api   VARCHAR(64) NOT NULL,
    quota_day DATE      NOT NULL,
    units INTEGER     NOT NULL,
    PRIMARY KEY (api, quota_day)
);

-- Why the brief's topic was chosen: its score breakdown and the signals it came from (JSON).
ALTER TABLE briefs ADD COLUMN topic_choice VARCHAR;
