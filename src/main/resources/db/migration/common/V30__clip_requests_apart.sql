-- The poller rewrites a generation_tasks row at every look (its check count, next look and claim),
-- thousands of rows several times a second; the clip request (a few hundred bytes of JSON, written
-- once and read only to send or verify a clip) lives apart, so those rewrites stay narrow and the
-- H2 file does not grow with them.
CREATE TABLE generation_requests (
    content_key VARCHAR(64) PRIMARY KEY,
    request     VARCHAR     NOT NULL
);
INSERT INTO generation_requests (content_key, request) SELECT content_key, request FROM generation_tasks;
ALTER TABLE generation_tasks DROP COLUMN request;
