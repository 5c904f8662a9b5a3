package io.cutline.distribution.platform;

import java.time.Duration;

import io.cutline.config.ProviderSettings;

/**
 * How a platform publisher paces itself, from its block: {@code resume-attempts} tries within one
 * attempt after a failed chunk, the first pause between them {@code resume-delay-ms} (doubling), and
 * how often ({@code status-interval-ms}) and how long ({@code live-within-s}) it asks whether the
 * post is live.
 */
record UploadPacing(int resumeAttempts, long resumeDelayMillis, Duration statusInterval, Duration liveWithin) {

    static UploadPacing of(ProviderSettings settings) {
        return new UploadPacing(settings.integer("resume-attempts"), settings.integer("resume-delay-ms"),
                Duration.ofMillis(settings.integer("status-interval-ms")), Duration.ofSeconds(settings.integer("live-within-s")));
    }

    /** The pause before the next try after {@code failures} failed ones. */
    long resumeDelayAfter(int failures) {
        return resumeDelayMillis << Math.min(failures - 1, 10);
    }
}
