package io.cutline.ledger;

import java.time.Duration;
import java.time.OffsetDateTime;

/** A row of the step log: one run of one layer (or of one scene within a layer). */
public record StepRecord(Step step, Integer sceneIndex, int attempt, OffsetDateTime startedAt,
                         OffsetDateTime finishedAt, Outcome outcome, String detail) {

    public enum Outcome { RUNNING, OK, FAILED }

    public Duration elapsed() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
