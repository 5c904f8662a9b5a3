-- Timing-aware assembly: word timings per voice track, a timing plan per scene, one or more
-- clips per scene (a scene longer than a provider's longest clip is split), thumbnails, and the
-- quality gates each rendition passed or failed.

ALTER TABLE voice_tracks ADD COLUMN words VARCHAR;

ALTER TABLE scenes ADD COLUMN plan VARCHAR;

CREATE TABLE scene_clips (
    job_id      VARCHAR(36) NOT NULL,
    scene_index INTEGER     NOT NULL,
    part        INTEGER     NOT NULL,
    clip_key    VARCHAR(64) NOT NULL,
    PRIMARY KEY (job_id, scene_index, part),
    FOREIGN KEY (job_id, scene_index) REFERENCES scenes (job_id, scene_index)
);
INSERT INTO scene_clips (job_id, scene_index, part, clip_key)
    SELECT job_id, scene_index, 0, clip_key FROM scenes WHERE clip_key IS NOT NULL;
ALTER TABLE scenes DROP COLUMN clip_key;

ALTER TABLE renders ADD COLUMN thumbnail_path VARCHAR(1000);

CREATE TABLE quality_gates (
    job_id     VARCHAR(36)  NOT NULL REFERENCES jobs (id),
    rendition  VARCHAR(32)  NOT NULL,
    gate       VARCHAR(32)  NOT NULL,
    passed     BOOLEAN      NOT NULL,
    measured   VARCHAR(500) NOT NULL,
    expected   VARCHAR(500) NOT NULL,
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job_id, rendition, gate)
);
