-- A slot given to a video ahead of its time (a publish-ahead platform's slot, a posting time) rather
-- than taken by a slot that fired: such a video waits until its time comes, unless the platform was
-- given the time to publish at.
ALTER TABLE ready_videos ADD COLUMN reserved BOOLEAN DEFAULT FALSE NOT NULL;
