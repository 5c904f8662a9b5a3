package io.cutline.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A brief's hook variants (hook_variants): planned with the brief's format arm, number 1 being the
 * brief's own job; each other one is made a job of its own when the storyboard is written (waiting,
 * as {@link VariantJobs} makes it, with its own format arm), and released with the original's clips.
 */
public record HookLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, String node, Duration lease) {

    /**
     * One variant: {@code jobId} null until its job is made; {@code platform} the one platform it goes
     * to, or null for all of the channel's; {@code arm} its format arm and {@code reason} why it got it.
     */
    public record Variant(String originalJobId, int number, String jobId, String hookStyle, String arm, String reason, String platform) {
    }

    /** Records the variants planned for a job (number 1 is the job itself); a job that has a plan keeps it (a retried research step). */
    public void plan(List<Variant> variants) {
        if (variants.isEmpty() || !variants(variants.get(0).originalJobId()).isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> variants.forEach(variant -> jdbc.update(
                "INSERT INTO hook_variants (original_job_id, variant_number, job_id, hook_style, arm, reason, platform) VALUES (?, ?, ?, ?, ?, ?, ?)",
                variant.originalJobId(), variant.number(), variant.jobId(), variant.hookStyle(), variant.arm(), JobLedger.truncate(variant.reason()),
                variant.platform())));
    }

    /** The job's variants by number, itself first; empty for a job without hook variants. */
    public List<Variant> variants(String originalJobId) {
        return jdbc.query("SELECT * FROM hook_variants WHERE original_job_id = ? ORDER BY variant_number", HookLedger::variant, originalJobId);
    }

    /** The channel's latest {@code limit} jobs that have hook variants (their own job ids), newest first. */
    public List<String> briefs(String channelId, int limit) {
        return jdbc.queryForList("SELECT j.id FROM jobs j WHERE j.channel_id = ? AND EXISTS (SELECT 1 FROM hook_variants v WHERE v.original_job_id = j.id) "
                + "ORDER BY j.created_at DESC, j.id FETCH FIRST " + limit + " ROWS ONLY", String.class, channelId);
    }

    /** The variant a job is (the original is number 1); empty for a job without hook variants. */
    public Optional<Variant> variantOf(String jobId) {
        return jdbc.query("SELECT * FROM hook_variants WHERE job_id = ?", HookLedger::variant, jobId).stream().findFirst();
    }

    /** The variant jobs made for the job, numbers 2 and on, in order (those not made yet are left out). */
    public List<Variant> madeVariants(String originalJobId) {
        return variants(originalJobId).stream().filter(variant -> variant.number() > 1 && variant.jobId() != null).toList();
    }

    /**
     * The variant's job, made (waiting, given the variant's format arm) if it has none yet: the
     * variant with its job id.
     */
    public Variant open(Job original, int number) {
        Variant planned = variants(original.id()).stream().filter(variant -> variant.number() == number).findFirst()
                .orElseThrow(() -> new IllegalStateException("job " + original.id() + " has no hook variant " + number));
        if (planned.jobId() != null) {
            return planned;
        }
        return transactions.execute(status -> {
            String id = VariantJobs.insertWaiting(jdbc, clock, original);
            if (jdbc.update("UPDATE hook_variants SET job_id = ? WHERE original_job_id = ? AND variant_number = ? AND job_id IS NULL",
                    id, original.id(), number) != 1) {
                throw new IllegalStateException("hook variant " + number + " of job " + original.id() + " was made by another node meanwhile");
            }
            jdbc.update("INSERT INTO format_arms (job_id, channel_id, arm, reason, chosen_at) VALUES (?, ?, ?, ?, ?)", id, original.channelId(),
                    planned.arm(), JobLedger.truncate(planned.reason()), LedgerTime.now(clock));
            return new Variant(planned.originalJobId(), number, id, planned.hookStyle(), planned.arm(), planned.reason(), planned.platform());
        });
    }

    /** Moves a waiting variant on (running, leased to this node); false if it was not waiting. */
    public boolean release(String variantJobId) {
        return VariantJobs.release(jdbc, clock, node, lease, variantJobId);
    }

    private static Variant variant(ResultSet row, int i) throws SQLException {
        return new Variant(row.getString("original_job_id"), row.getInt("variant_number"), row.getString("job_id"), row.getString("hook_style"),
                row.getString("arm"), row.getString("reason"), row.getString("platform"));
    }
}
