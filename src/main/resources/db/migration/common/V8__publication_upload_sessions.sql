-- A publisher's resumable upload session (YouTube's session URI), written before the first byte is
-- sent: a retry, or a service restarted after a crash, resumes that upload instead of starting another.
ALTER TABLE publications ADD COLUMN upload_session VARCHAR(2000);
