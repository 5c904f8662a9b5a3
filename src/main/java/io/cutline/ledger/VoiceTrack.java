package io.cutline.ledger;

import java.util.List;

import io.cutline.model.WordTiming;

/** A scene's synthesized narration, measured, with the timing of each word. */
public record VoiceTrack(String jobId, int sceneIndex, String provider, String audioPath, double durationSeconds,
                         List<WordTiming> words) {
}
