package io.cutline.mcp;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

/**
 * Checks tool arguments and results against the tools' JSON Schemas with the validator the project
 * already uses (networknt 1.5): the SDK's own Jackson 2 validator needs networknt 2, which cannot
 * share the class path with 1.5. A failure names each field and what is wrong with it.
 */
public final class ToolSchemaValidator implements JsonSchemaValidator {

    private final ObjectMapper json;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).build();
    private final Map<Map<String, Object>, JsonSchema> compiled = new ConcurrentHashMap<>();

    public ToolSchemaValidator(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object value) {
        JsonSchema check = compiled.computeIfAbsent(schema, tree -> factory.getSchema(json.valueToTree(tree), config));
        var problems = check.validate(json.valueToTree(value));
        if (problems.isEmpty()) {
            return ValidationResponse.asValid(null);
        }
        return ValidationResponse.asInvalid(problems.stream().map(ValidationMessage::getMessage).sorted()
                .collect(Collectors.joining("; ")));
    }
}
