package io.cutline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.cutline.support.Await;
import io.cutline.support.TestService;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** With live reload on, an edited route file replaces its routes in the running service. */
class RouteReloadTest {

    private static final String ROUTE = """
            - route:
                id: say-version
                from:
                  uri: direct:say-version
                  steps:
                    - setBody:
                        expression:
                          constant:
                            expression: %s
            """;

    @Test
    void anEditedRouteFileIsLiveAfterReload() throws Exception {
        Path root = TestService.newRoot("reload");
        Path routes = Files.createDirectories(root.resolve("routes"));
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, routes.resolve(file.getFileName()));
            }
        }
        Files.writeString(routes.resolve("version.yaml"), ROUTE.formatted("v1"));
        Map<String, String> settings = Map.of(
                "camel.main.routes-include-pattern", "file:" + routes + "/*.yaml",
                "camel.main.routes-exclude-pattern", "file:" + routes + "/api.yaml,file:" + routes + "/console.yaml,file:" + routes + "/mcp.yaml",
                "camel.main.routes-reload-enabled", "true",
                "camel.main.routes-reload-directory", routes.toString());

        try (TestService service = new TestService(root, settings).start()) {
            ProducerTemplate producer = service.context().createProducerTemplate();
            assertThat(producer.requestBody("direct:say-version", "", String.class)).isEqualTo("v1");

            Files.writeString(routes.resolve("version.yaml"), ROUTE.formatted("v2"));

            Await.until("the edited route answering v2", Duration.ofSeconds(30), Duration.ofMillis(250),
                    () -> producer.requestBody("direct:say-version", "", String.class).equals("v2"));
            assertThat(service.context().getRoute("produce-job")).as("other routes untouched").isNotNull();
        }
    }
}
