-- What a channel's paid submissions (and possible duplicates) committed, as a running total per
-- quarter hour of payment, kept with every change of a task's paid count: the per-day budget check
-- reads the quarters of one day instead of summing every clip of the day. Payments made before this
-- table existed are entered at the start of their task's day.
CREATE TABLE channel_spend (
    channel_id    VARCHAR(64)              NOT NULL,
    quarter_start TIMESTAMP WITH TIME ZONE NOT NULL,
    usd           DOUBLE PRECISION         NOT NULL,
    PRIMARY KEY (channel_id, quarter_start)
);
INSERT INTO channel_spend (channel_id, quarter_start, usd)
    SELECT j.channel_id, CAST(CAST(g.created_at AS DATE) AS TIMESTAMP WITH TIME ZONE),
           SUM((g.paid_submissions + g.possible_duplicates) * g.seconds * g.price_per_second)
    FROM generation_tasks g JOIN jobs j ON j.id = g.job_id
    WHERE g.price_per_second IS NOT NULL AND g.paid_submissions + g.possible_duplicates > 0
    GROUP BY j.channel_id, CAST(CAST(g.created_at AS DATE) AS TIMESTAMP WITH TIME ZONE);
