package io.cutline.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A caller reads what brief and storyboard it may send in the OpenAPI description (REST) or the
 * create_job tool (MCP); both must say exactly what {@link CallerStories} checks, the schemas the
 * writers' documents are held to, so a change to one that forgets the others fails here.
 */
class CallerStoryDescriptionsTest {

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"brief, Brief", "storyboard, Storyboard"})
    void openApiAndTheMcpToolDescribeTheSchemasTheServiceChecks(String document, String component) throws IOException {
        JsonNode checked = withoutHeader(resource("/schemas/" + document + ".schema.json"));

        JsonNode openApi = resource("/openapi.json");
        assertThat(openApi.at("/components/schemas/" + component)).isEqualTo(checked);
        assertThat(openApi.at("/components/schemas/JobRequest/properties/" + document + "/$ref").asText())
                .isEqualTo("#/components/schemas/" + component);

        JsonNode createJob = null;
        for (JsonNode tool : resource("/mcp/tools.json").path("tools")) {
            if ("create_job".equals(tool.path("name").asText())) {
                createJob = tool;
            }
        }
        assertThat(createJob).isNotNull();
        ObjectNode offered = createJob.at("/inputSchema/properties/" + document).deepCopy();
        assertThat(offered.remove("description")).as("what the tool tells the model about it").isNotNull();
        assertThat(offered).isEqualTo(checked);
    }

    private JsonNode resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return json.readTree(in);
        }
    }

    /** A schema file as a component: its {@code $schema} and {@code $id} belong to the file. */
    private static JsonNode withoutHeader(JsonNode schema) {
        ObjectNode component = schema.deepCopy();
        component.remove("$schema");
        component.remove("$id");
        return component;
    }
}
