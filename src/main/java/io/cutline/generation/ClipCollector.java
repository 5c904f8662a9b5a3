package io.cutline.generation;

import java.util.TreeMap;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * The aggregator's strategy: collects each scene's clip key by scene index, so the group is in
 * scene order however the clips arrive, and a scene that arrives twice (after a restart) counts once.
 * The body stays a {@link TreeMap} of plain values so the JDBC aggregation repository can persist it.
 */
public class ClipCollector implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange collected, Exchange arrived) {
        Integer sceneIndex = arrived.getMessage().getHeader("sceneIndex", Integer.class);
        String clipKey = arrived.getMessage().getHeader("clipKey", String.class);
        if (sceneIndex == null || clipKey == null) {
            throw new IllegalArgumentException("a clip reached the aggregator without sceneIndex and clipKey headers");
        }
        Exchange group = collected == null ? arrived : collected;
        TreeMap<Integer, String> clips = collected == null ? new TreeMap<>() : collected.getMessage().getBody(TreeMap.class);
        clips.put(sceneIndex, clipKey);
        group.getMessage().setBody(clips);
        return group;
    }
}
