package io.cutline.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code layer-hand-off} route configuration of routes/errors.yaml: a layer's queue hands on the job id and nothing else. */
class LayerHandOffTest {

    @TempDir
    Path dir;

    @Test
    void aLayerQueueHandsOnOnlyTheJobId() throws Exception {
        Path routes = dir.resolve("hand-off.yaml");
        Files.writeString(routes, new YAMLMapper().writeValueAsString(handOffAndOneQueue()));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:" + routes));
            camel.start();
            MockEndpoint next = camel.getEndpoint("mock:next-layer", MockEndpoint.class);
            next.expectedMessageCount(1);

            camel.createProducerTemplate().sendBodyAndHeaders("seda:next-layer", "state the ledger does not hold",
                    Map.of("jobId", "job-1", "step", "ASSEMBLY", "sceneCount", 6, "clipKeys", List.of("k1")));

            next.assertIsSatisfied(5_000);
            Exchange received = next.getReceivedExchanges().get(0);
            assertThat(received.getMessage().getBody()).isNull();
            assertThat(received.getMessage().getHeaders()).containsOnlyKeys("jobId").containsEntry("jobId", "job-1");
        }
    }

    /** The real layer-hand-off configuration, and a queue route that uses it as the layers' routes do. */
    private static ArrayNode handOffAndOneQueue() throws Exception {
        ObjectMapper yaml = new YAMLMapper();
        ArrayNode document = yaml.createArrayNode();
        for (JsonNode item : yaml.readTree(Path.of("routes/errors.yaml").toFile())) {
            if (item.path("routeConfiguration").path("id").asText().equals("layer-hand-off")) {
                document.add(item);
            }
        }
        assertThat(document).as("routes/errors.yaml defines layer-hand-off").hasSize(1);
        document.add(yaml.readTree("""
                route:
                  id: next-layer
                  routeConfigurationId: layer-hand-off
                  from:
                    uri: seda:next-layer
                    steps:
                      - to:
                          uri: mock:next-layer
                """));
        return document;
    }
}
