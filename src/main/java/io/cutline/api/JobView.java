package io.cutline.api;

import java.time.OffsetDateTime;
import java.util.List;

import io.cutline.ledger.CostLedger;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.JobProgress;
import io.cutline.model.TopicChoice;
import io.cutline.timing.TimingPlan;

/**
 * A job as {@code GET /api/jobs/{id}} shows it: progress, state per layer and per scene, artifacts and errors;
 * why its topic was chosen ({@code topicChoice}: score breakdown and the signals it came from);
 * what generation cost ({@code cost}) and what writing cost ({@code writing}), with every call to a
 * writer ({@code writerCalls}: its tokens, dollars and what was wrong with its answer); the shorts cut
 * from its video ({@code shorts}; null when its channel asks for none); the hook variants of its brief
 * ({@code hookVariants}; null when its brief has none).
 */
public record JobView(
        String id,
        String channel,
        String origin,
        String requestedTopic,
        String topic,
        TopicChoice topicChoice,
        String title,
        String state,
        String step,
        int attempt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        Failure failure,
        JobProgress.Progress progress,
        List<Layer> layers,
        List<SceneView> scenes,
        List<RenderView> renders,
        List<GateView> gates,
        List<PublicationView> publications,
        List<SlotView> slots,
        CostLedger.Cost cost,
        CostLedger.WritingCost writing,
        List<CostLedger.WriterCall> writerCalls,
        Languages languages,
        Shorts shorts,
        HookVariants hookVariants) {

    /**
     * The hook variant this job is ({@code number}, 1 for the brief's own job, which {@code original}
     * names) and every variant of its brief: each one's job (null until made), hook style, format arm
     * and why, and the one platform it goes to (null: all of the channel's).
     */
    public record HookVariants(int number, String original, List<HookLedger.Variant> variants) {
    }

    /** How many shorts the channel asked for, why fewer were cut (null when they were not), and each short. */
    public record Shorts(int asked, String shortfall, List<ShortView> cuts) {
    }

    /**
     * A short: its number, its run of scenes (inclusive) and where that run sits on the video's time line,
     * its state (PLANNED, RENDERED) and file, the gates it passed or failed, and its publications.
     */
    public record ShortView(int number, int firstScene, int lastScene, double startSeconds, double endSeconds, double seconds, String state,
                            String path, List<GateView> gates, List<PublicationView> publications) {
    }

    /**
     * The job's language when it is a language variant (null: its channel's own language), the job it
     * was translated from (null for an original), and its own variants, one per other language.
     */
    public record Languages(String language, String original, List<LanguageLedger.Variant> variants) {
    }

    public record Failure(String step, Integer scene, String reason) {
    }

    public record Layer(String step, String state, OffsetDateTime startedAt, OffsetDateTime finishedAt, Double seconds,
                        String detail) {
    }

    /** {@code facts}: the brief's beats (the signals' facts) the narration draws on, as the storyboard's writer said. */
    public record SceneView(int index, String narration, List<String> facts, String visualPrompt, String style, VoiceView voice,
                            TimingPlan plan, List<ClipView> clips, String error) {
    }

    public record VoiceView(String provider, String path, double seconds, int words) {
    }

    public record GateView(String rendition, String gate, boolean passed, String measured, String expected) {
    }

    public record ClipView(String key, String provider, String model, String state, String path, Double seconds,
                           int attempts, String error, int paidSubmissions, int possibleDuplicates) {
    }

    public record RenderView(String rendition, String path, int width, int height, double seconds, String thumbnail) {
    }

    public record PublicationView(String platform, String state, String location, String error) {
    }

    /**
     * A video waiting for, or taken by, a publishing slot of a platform: when it was ready, the slot
     * that took it (null while it waits) and, while it waits, the platform's next slot.
     */
    public record SlotView(String platform, OffsetDateTime readyAt, OffsetDateTime slotAt, OffsetDateTime nextSlotAt) {
    }

    /** One line per job for lists. */
    public record Summary(String id, String channel, String state, String step, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt, String failureReason) {
    }
}
