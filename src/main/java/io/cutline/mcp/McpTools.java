package io.cutline.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.cutline.api.ApiAccess;
import io.cutline.api.JobApi;
import io.cutline.api.PerformanceApi;
import io.cutline.channel.ChannelRegistry;
import io.cutline.job.JobRequest;
import io.cutline.job.Receipt;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.apache.camel.ProducerTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The MCP tools. Each calls the bean the REST API calls ({@link JobApi}, {@link PerformanceApi}), or the route it uses to
 * start or resume a job ({@code routes/mcp.yaml}), so a tool and its endpoint cannot disagree; the
 * SDK has checked the arguments against the tool's input schema ({@code mcp/tools.json}) before.
 */
final class McpTools {

    /** What a tool needs from the rest of the service. */
    record Parts(JobApi jobs, PerformanceApi performance, ChannelRegistry channels, ProducerTemplate routes, JobFollower follower) {
    }

    private final Parts parts;
    private final ToolCatalog catalog;
    private final ToolAnswers answers;

    McpTools(Parts parts, ToolCatalog catalog, ToolAnswers answers) {
        this.parts = parts;
        this.catalog = catalog;
        this.answers = answers;
    }

    List<AsyncToolSpecification> all() {
        return List.of(
                tool("list_channels", (exchange, call) -> answers.answer(call.name(), parts.jobs()::channels)),
                tool("get_channel", (exchange, call) -> answers.answer(call.name(), () -> channel(text(call, "channel")))),
                tool("create_job", this::createJob),
                tool("get_job", (exchange, call) -> answers.answer(call.name(), () -> parts.jobs().job(text(call, "id")))),
                tool("list_jobs", (exchange, call) -> answers.answer(call.name(),
                        () -> parts.jobs().jobs(text(call, "state"), text(call, "channel"), text(call, "limit")))),
                tool("retry_job", (exchange, call) -> answers.answer(call.name(), () -> parts.routes()
                        .requestBodyAndHeader("direct:mcp-retry-job", null, "jobId", text(call, "id"), String.class))),
                tool("get_costs", (exchange, call) -> answers.answer(call.name(),
                        () -> parts.jobs().costs(text(call, "channel"), text(call, "since")))),
                tool("get_channel_performance", (exchange, call) -> answers.answer(call.name(),
                        () -> parts.performance().performance(text(call, "channel")))),
                tool("validate_channel", (exchange, call) -> answers.answer(call.name(),
                        () -> validation(text(call, "id"), text(call, "text")))));
    }

    private AsyncToolSpecification tool(String name, BiFunction<McpAsyncServerExchange, CallToolRequest, Mono<CallToolResult>> handler) {
        return AsyncToolSpecification.builder().tool(catalog.tool(name)).callHandler(handler).build();
    }

    /**
     * Starts a job through the same checks as {@code POST /api/jobs} (body schema, known channel, the
     * token's rate, the ledger's limit); with a progress token, follows it until it ends.
     */
    private Mono<CallToolResult> createJob(McpAsyncServerExchange exchange, CallToolRequest call) {
        Object progressToken = call.meta() == null ? null : call.meta().get("progressToken");
        Object tokenName = exchange.transportContext().get(McpHttpTransport.TOKEN_NAME);
        Mono<String> started = Mono.fromCallable(() -> {
            JobRequest request = parts.jobs().createRequest(answers.write(call.arguments()), "application/json").from("mcp");
            Receipt receipt = parts.routes().requestBodyAndHeader("direct:mcp-create-job", request, ApiAccess.TOKEN_NAME,
                    tokenName, Receipt.class);
            return parts.jobs().receipt(receipt);
        }).subscribeOn(Schedulers.boundedElastic());
        if (progressToken == null) {
            return started.map(answers::result).onErrorResume(failure -> Mono.just(answers.failure(call.name(), failure)));
        }
        return started.flatMap(receipt -> {
            Map<String, Object> answer = answers.object(receipt);
            String id = String.valueOf(answer.get("id"));
            return parts.follower().follow(exchange, progressToken, id)
                    .publishOn(Schedulers.boundedElastic())
                    .map(ended -> answers.result(answers.write(ended(answer, answers.object(parts.jobs().job(id))))));
        }).onErrorResume(failure -> Mono.just(answers.failure(call.name(), failure)));
    }

    /** The receipt brought up to date with how the job ended: its state, failure and renditions. */
    private static Map<String, Object> ended(Map<String, Object> receipt, Map<String, Object> job) {
        Map<String, Object> answer = new LinkedHashMap<>(receipt);
        answer.put("state", job.get("state"));
        answer.put("step", job.get("step"));
        answer.put("failure", job.get("failure"));
        answer.put("renders", job.get("renders"));
        return answer;
    }

    private String channel(String id) {
        return parts.channels().find(id).map(channel -> answers.write(Map.of("channel", channel)))
                .orElseThrow(() -> new io.cutline.api.ApiProblem(404, "no channel '" + id + "' (known: "
                        + String.join(", ", parts.channels().all().stream().map(known -> known.id()).sorted().toList()) + ")"));
    }

    private String validation(String id, String text) {
        List<Map<String, Object>> problems = parts.channels().problemsOfText(text, id).stream().map(problem -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("line", problem.line());
            view.put("column", problem.column());
            view.put("field", problem.field());
            view.put("message", problem.message());
            return view;
        }).toList();
        return answers.write(Map.of("valid", problems.isEmpty(), "problems", problems));
    }

    private static String text(CallToolRequest call, String name) {
        Object value = call.arguments() == null ? null : call.arguments().get(name);
        return value == null ? null : String.valueOf(value);
    }
}
