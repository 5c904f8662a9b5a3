package io.cutline.ledger;

/** A scene's synthesized narration, measured. */
public record VoiceTrack(String jobId, int sceneIndex, String provider, String audioPath, double durationSeconds) {
}
