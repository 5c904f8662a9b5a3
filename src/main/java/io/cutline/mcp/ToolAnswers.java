package io.cutline.mcp;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.api.ApiProblem;
import io.cutline.config.Secrets;
import io.cutline.document.DocumentProblem;
import io.cutline.document.InvalidDocumentException;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns what the API's beans answer into tool results: their JSON as structured content (and as
 * text, for clients that read only text), and a refusal into a tool error whose message names the
 * problem, as the REST API words it. Anything unexpected is logged with an incident id and reported
 * without its stack trace.
 */
final class ToolAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ToolAnswers.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper json;

    ToolAnswers(ObjectMapper json) {
        this.json = json;
    }

    /** Runs {@code work} (ledger reads, route calls: blocking) off the caller's thread and answers with its JSON text. */
    Mono<McpSchema.CallToolResult> answer(String tool, Callable<String> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic()).map(this::result)
                .onErrorResume(failure -> Mono.just(failure(tool, failure)));
    }

    McpSchema.CallToolResult result(String answer) {
        return McpSchema.CallToolResult.builder().structuredContent(object(answer)).addTextContent(answer).isError(false).build();
    }

    Map<String, Object> object(String answer) {
        try {
            return json.readValue(answer, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an API bean answered something that is not a JSON object", e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(Secrets.redact(message)).isError(true).build();
    }

    McpSchema.CallToolResult failure(String tool, Throwable failure) {
        ApiProblem problem = ObjectHelper.getException(ApiProblem.class, failure);
        if (problem != null) {
            return error(problem.getMessage());
        }
        InvalidDocumentException invalid = ObjectHelper.getException(InvalidDocumentException.class, failure);
        if (invalid != null) {
            return error(invalid.problems().stream().map(DocumentProblem::toString).collect(Collectors.joining("; ")));
        }
        String incident = java.util.UUID.randomUUID().toString();
        LOG.error("MCP tool {} failed (incident {})", tool, incident, failure);
        return error(tool + " failed inside the service (logged as incident " + incident + ")");
    }
}
