package io.cutline.generation;

import java.util.TreeMap;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * The aggregator's strategy: collects each scene's clip keys (comma-separated, in play order) by scene index, so the group is in
 * scene order however the clips arrive, and a scene that arrives twice (after a restart) counts once.
 * The body stays a {@link TreeMap} of plain values so the JDBC aggregation repository can persist it.
 */
public class ClipCollector implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange collected, Exchange arrived) {
        Integer sceneIndex = arrived.getMessage().getHeader("sceneIndex", Integer.class);
        String clipKeys = arrived.getMessage().getHeader("clipKeys", String.class);
        if (sceneIndex == null || clipKeys == null || clipKeys.isEmpty()) {
            throw new IllegalArgumentException("a scene reached the aggregator without sceneIndex and clipKeys headers");
        }
        Exchange group = collected == null ? arrived : collected;
        TreeMap<Integer, String> clips = collected == null ? new TreeMap<>() : collected.getMessage().getBody(TreeMap.class);
        clips.put(sceneIndex, clipKeys);
        group.getMessage().setBody(clips);
        return group;
    }
}
