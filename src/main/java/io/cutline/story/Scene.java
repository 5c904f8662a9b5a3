package io.cutline.story;

/** A scene of a job as the ledger holds it; {@code clipKey} names its generated clip once there is one. */
public record Scene(String jobId, int index, String narration, String visualPrompt, String clipKey) {
}
