package io.cutline.ledger;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The publications table, keyed by (job, platform, short): the long video is short
 * {@value Publication#LONG_VIDEO}; the methods without a short number are about it.
 */
public class PublicationLedger {

    private static final RowMapper<Publication> PUBLICATION = (row, i) -> new Publication(row.getString("job_id"),
            row.getString("platform"), row.getInt("short_number"), Publication.State.valueOf(row.getString("state")), row.getString("location"),
            row.getString("error"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PublicationLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Publication> find(String jobId, String platform) {
        return find(jobId, platform, Publication.LONG_VIDEO);
    }

    public Optional<Publication> find(String jobId, String platform, int shortNumber) {
        return jdbc.query("SELECT * FROM publications WHERE job_id = ? AND platform = ? AND short_number = ?", PUBLICATION, jobId, platform,
                shortNumber).stream().findFirst();
    }

    /** The publications of the job's long video. */
    public List<Publication> forJob(String jobId) {
        return jdbc.query("SELECT * FROM publications WHERE job_id = ? AND short_number = ? ORDER BY platform", PUBLICATION, jobId,
                Publication.LONG_VIDEO);
    }

    /** The publications of the job's shorts, by short, then platform. */
    public List<Publication> shortsOf(String jobId) {
        return jdbc.query("SELECT * FROM publications WHERE job_id = ? AND short_number <> ? ORDER BY short_number, platform", PUBLICATION,
                jobId, Publication.LONG_VIDEO);
    }

    public void begin(String jobId, String platform, int shortNumber) {
        var now = LedgerTime.now(clock);
        Upsert.run(jdbc,
                "UPDATE publications SET state = ?, error = NULL, updated_at = ? WHERE job_id = ? AND platform = ? AND short_number = ? "
                        + "AND state <> ?",
                new Object[] {Publication.State.PUBLISHING.name(), now, jobId, platform, shortNumber, Publication.State.PUBLISHED.name()},
                "INSERT INTO publications (job_id, platform, short_number, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                new Object[] {jobId, platform, shortNumber, Publication.State.PUBLISHING.name(), now, now});
        LedgerDatabase.checkpoint(jdbc);
    }

    /** How many publications are FAILED now, by platform. */
    public Map<String, Integer> failedByPlatform() {
        Map<String, Integer> failed = new HashMap<>();
        jdbc.query("SELECT platform, COUNT(*) AS failed FROM publications WHERE state = ? GROUP BY platform",
                row -> {
                    failed.put(row.getString("platform"), row.getInt("failed"));
                }, Publication.State.FAILED.name());
        return failed;
    }

    /** The publication's resumable upload session, if one was saved. */
    public Optional<String> uploadSession(String jobId, String platform, int shortNumber) {
        return jdbc.queryForList("SELECT upload_session FROM publications WHERE job_id = ? AND platform = ? AND short_number = ?", String.class,
                jobId, platform, shortNumber).stream().filter(Objects::nonNull).findFirst();
    }

    /**
     * Saves (or with null, forgets) the publication's resumable upload session. A saved one is made to
     * survive a kill before this returns: the platform's post exists from now on (a TikTok post publishes
     * itself once its bytes are in, which for a small file is within milliseconds), and a restart that
     * did not find the session would post a second time.
     */
    public void uploadSession(String jobId, String platform, int shortNumber, String session) {
        jdbc.update("UPDATE publications SET upload_session = ?, updated_at = ? WHERE job_id = ? AND platform = ? AND short_number = ?",
                session, LedgerTime.now(clock), jobId, platform, shortNumber);
        if (session != null) {
            LedgerDatabase.checkpoint(jdbc);
        }
    }

    public void succeed(String jobId, String platform, int shortNumber, String location) {
        var now = LedgerTime.now(clock);
        jdbc.update("UPDATE publications SET state = ?, location = ?, updated_at = ?, published_at = COALESCE(published_at, ?) "
                + "WHERE job_id = ? AND platform = ? AND short_number = ?", Publication.State.PUBLISHED.name(), location, now, now, jobId,
                platform, shortNumber);
        LedgerDatabase.checkpoint(jdbc);
    }

    public void fail(String jobId, String platform, int shortNumber, String error) {
        jdbc.update("UPDATE publications SET state = ?, error = ?, updated_at = ? WHERE job_id = ? AND platform = ? AND short_number = ? "
                        + "AND state <> ?", Publication.State.FAILED.name(), JobLedger.truncate(error), LedgerTime.now(clock), jobId, platform,
                shortNumber, Publication.State.PUBLISHED.name());
    }
}
