package io.cutline.generation;

/** What the poller learned for one scene: its clips are all in (ready for the aggregator), or one failed for good. */
public record SceneEvent(String jobId, int sceneIndex, int sceneCount, String clipKeys, String failure) {
}
