-- The format arm each job was given, and why (the posterior draws that chose it): the bandit's decisions.
CREATE TABLE format_arms (
    job_id     VARCHAR(36)   PRIMARY KEY,
    channel_id VARCHAR(64)   NOT NULL,
    arm        VARCHAR(200)  NOT NULL,
    reason     VARCHAR(4000) NOT NULL,
    chosen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX format_arms_by_channel ON format_arms (channel_id);

-- A channel's learning switches: frozen (keeps choosing its best arm, learns nothing new) and the
-- moment it was last reset (observations from before it are ignored).
CREATE TABLE channel_learning (
    channel_id VARCHAR(64) PRIMARY KEY,
    frozen     BOOLEAN     NOT NULL,
    frozen_at  TIMESTAMP WITH TIME ZONE,
    reset_at   TIMESTAMP WITH TIME ZONE
);

-- What each topic keyword is worth to a channel (0..1, 0.5 neutral), learned from its videos' objective.
CREATE TABLE keyword_scores (
    channel_id VARCHAR(64)  NOT NULL,
    keyword    VARCHAR(200) NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    videos     INTEGER      NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel_id, keyword)
);
