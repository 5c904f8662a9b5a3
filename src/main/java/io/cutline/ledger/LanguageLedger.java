package io.cutline.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A job's language variants: for each other language of its channel, a job of its own (translated
 * storyboard, voice, video, publications) that makes no clips ({@link VariantJobs}).
 */
public record LanguageLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, String node, Duration lease) {

    /** A variant job and the language it speaks. */
    public record Variant(String jobId, String language) {
    }

    /** The original's variant in {@code language}, made (waiting) if it has none yet. */
    public Variant open(Job original, String language) {
        return find(original.id(), language).orElseGet(() -> transactions.execute(status -> {
            String id = VariantJobs.insertWaiting(jdbc, clock, original);
            jdbc.update("INSERT INTO language_variants (job_id, original_job_id, language) VALUES (?, ?, ?)",
                    id, original.id(), language);
            return new Variant(id, language);
        }));
    }

    /** The job's variants, in the order they were made. */
    public List<Variant> variants(String originalJobId) {
        return jdbc.query("SELECT v.job_id, v.language FROM language_variants v JOIN jobs j ON j.id = v.job_id "
                        + "WHERE v.original_job_id = ? ORDER BY j.created_at, v.language",
                (row, i) -> new Variant(row.getString("job_id"), row.getString("language")), originalJobId);
    }

    /** The language of a variant job; empty for a job in its channel's own language. */
    public Optional<String> languageOf(String jobId) {
        return jdbc.queryForList("SELECT language FROM language_variants WHERE job_id = ?", String.class, jobId).stream().findFirst();
    }

    /** The job a variant was translated from; empty for an original. */
    public Optional<String> originalOf(String jobId) {
        return jdbc.queryForList("SELECT original_job_id FROM language_variants WHERE job_id = ?", String.class, jobId).stream()
                .findFirst();
    }

    /** Moves a waiting variant on (running, leased to this node); false if it was not waiting. */
    public boolean release(String variantJobId) {
        return VariantJobs.release(jdbc, clock, node, lease, variantJobId);
    }

    private Optional<Variant> find(String originalJobId, String language) {
        return variants(originalJobId).stream().filter(variant -> variant.language().equals(language)).findFirst();
    }
}
