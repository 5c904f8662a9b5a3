package io.cutline.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The tools' names, descriptions and JSON Schemas, read from {@code mcp/tools.json}: what a model
 * reads is kept as data beside the schemas, not spread through code.
 */
final class ToolCatalog {

    private final Map<String, McpSchema.Tool> tools = new LinkedHashMap<>();

    ToolCatalog(ObjectMapper json) {
        try (InputStream in = ToolCatalog.class.getClassLoader().getResourceAsStream("mcp/tools.json")) {
            if (in == null) {
                throw new IllegalStateException("mcp/tools.json is not on the class path");
            }
            TypeReference<Map<String, Object>> map = new TypeReference<>() {
            };
            for (JsonNode tool : json.readTree(in).path("tools")) {
                McpSchema.Tool.Builder builder = McpSchema.Tool.builder().name(tool.path("name").asText())
                        .title(tool.path("title").asText()).description(tool.path("description").asText())
                        .inputSchema(json.convertValue(tool.path("inputSchema"), map));
                if (tool.has("outputSchema")) {
                    builder.outputSchema(json.convertValue(tool.path("outputSchema"), map));
                }
                if (tool.has("annotations")) {
                    builder.annotations(json.convertValue(tool.path("annotations"), McpSchema.ToolAnnotations.class));
                }
                McpSchema.Tool built = builder.build();
                tools.put(built.name(), built);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mcp/tools.json", e);
        }
    }

    /** The tool named {@code name}; every tool the code implements must be described. */
    McpSchema.Tool tool(String name) {
        McpSchema.Tool tool = tools.get(name);
        if (tool == null) {
            throw new IllegalStateException("mcp/tools.json does not describe tool '" + name + "'");
        }
        return tool;
    }
}
