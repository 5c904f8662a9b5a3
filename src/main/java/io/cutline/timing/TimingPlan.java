package io.cutline.timing;

import java.util.List;

/**
 * How a scene's picture will cover its narration, decided before any clip is generated.
 *
 * <p>Every clip is asked for at one of the provider's lengths; assembly cuts {@code leadSeconds}
 * from the start of each clip (generators' first frames are often unsteady), plays the clips in
 * order at {@code speed} (1 = as generated; above 1 = slowed down that much), and holds the last
 * frame for {@code holdSeconds} if the picture would otherwise end before the narration. The
 * narration is never cut and no clip is looped.
 */
public record TimingPlan(String provider, Kind kind, double narrationSeconds, double leadSeconds, double tailSeconds, List<Clip> clips,
                         double speed, double holdSeconds) {

    public enum Kind {
        /** One clip long enough for narration, lead and tail. */
        SINGLE,
        /** The longest clip, its last frame held for less than the freeze gate allows. */
        HOLD,
        /** The longest clip, slowed down by at most the configured factor. */
        SLOW,
        /** Several clips, each with its own prompt, one after the other. */
        SPLIT
    }

    /** One clip to generate: its length and its prompt. */
    public record Clip(int part, double seconds, String prompt) {
    }

    /** Seconds of usable picture the clips give before slow-down and hold. */
    public double usableSeconds() {
        return clips.stream().mapToDouble(clip -> clip.seconds() - leadSeconds).sum();
    }

    public double generatedSeconds() {
        return clips.stream().mapToDouble(Clip::seconds).sum();
    }
}
