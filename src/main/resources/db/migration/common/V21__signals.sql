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

-- Why the brief's topic was chosen: its score breakdown and the signals it came from (JSON).
ALTER TABLE briefs ADD COLUMN topic_choice VARCHAR;
