package io.cutline.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class ClipCollectorTest {

    private final CamelContext context = new DefaultCamelContext();
    private final ClipCollector collector = new ClipCollector();

    @Test
    void collectsClipsInSceneOrderWhateverTheArrivalOrderAndCountsRepeatsOnce() {
        Exchange group = collector.aggregate(null, clip(2, "c"));
        group = collector.aggregate(group, clip(0, "a"));
        group = collector.aggregate(group, clip(2, "c"));
        group = collector.aggregate(group, clip(1, "b"));
        assertThat(group.getMessage().getBody(TreeMap.class)).isEqualTo(new TreeMap<>(Map.of(0, "a", 1, "b", 2, "c")));
        assertThat(group.getMessage().getBody(TreeMap.class).values()).containsExactly("a", "b", "c");
    }

    @Test
    void aClipWithoutItsSceneIsRejected() {
        Exchange bare = new DefaultExchange(context);
        assertThatThrownBy(() -> collector.aggregate(null, bare)).hasMessageContaining("sceneIndex and clipKeys");
    }

    private Exchange clip(int scene, String key) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader("sceneIndex", scene);
        exchange.getMessage().setHeader("clipKeys", key);
        return exchange;
    }
}
