package io.cutline.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.support.Http;
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MCP server driven by the SDK's own client, over Streamable HTTP at {@code /mcp} and over stdio
 * through {@code cutline mcp} in a process of its own, against a service making the quick test
 * channel's videos: tools listed with their schemas, a job created and followed to its end through
 * progress notifications, its video read back; bad calls get tool errors that name the problem; no
 * token, no MCP.
 */
class McpServerTest {

    private static final String UNKNOWN_TOPIC = "A topic the signals know nothing about";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static int port;
    private static TestService service;

    @BeforeAll
    static void start() throws Exception {
        port = TestService.freePort();
        Map<String, String> settings = new HashMap<>(TestService.quickChannel());
        settings.putAll(TestService.withApi(port));
        settings.put("cutline.mcp.progress-interval-ms", "200");
        service = new TestService(TestService.newRoot("mcp"), settings).start();
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void anAgentMakesAVideoOverStreamableHttp() throws Exception {
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = client(http(Http.TOKEN), progress)) {
            client.initialize();
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("list_channels", "get_channel", "create_job",
                    "get_job", "list_jobs", "retry_job", "get_costs", "get_channel_performance", "validate_channel");
            assertThat(tools).allSatisfy(tool -> {
                assertThat(tool.inputSchema()).as(tool.name()).isNotNull();
                assertThat(tool.outputSchema()).as(tool.name()).isNotNull();
                assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(60);
            });

            McpSchema.CallToolResult made = client.callTool(McpSchema.CallToolRequest.builder("create_job")
                    .arguments(Map.of("channel", "quick", "idempotencyKey", "mcp-http-1")).progressToken("video-1").build());
            assertThat(made.isError()).as(text(made)).isFalse();
            JsonNode job = JSON.valueToTree(made.structuredContent());
            assertThat(job.path("state").asText()).isEqualTo("DONE");
            assertThat(progress).isNotEmpty().allSatisfy(note -> assertThat(note.progressToken()).isEqualTo("video-1"));
            // the SDK's client hands notifications to the consumer asynchronously, so their order here is not the order sent
            assertThat(progress).extracting(McpSchema.ProgressNotification::progress).as("layer by layer up to all six")
                    .allSatisfy(value -> assertThat(value).isBetween(0.0, 6.0)).contains(6.0)
                    .hasSizeGreaterThanOrEqualTo(3);
            assertThat(progress).extracting(McpSchema.ProgressNotification::message).anySatisfy(message -> assertThat(message)
                    .contains("RUNNING at GENERATION"));

            Path video = Path.of(job.at("/renders/0/path").asText());
            JsonNode probe = Probe.ffprobe(video);
            assertThat(Probe.stream(probe, "video").path("codec_name").asText()).isEqualTo("h264");
            assertThat(Probe.stream(probe, "audio").path("codec_name").asText()).isEqualTo("aac");

            String id = job.path("id").asText();
            McpSchema.ReadResourceResult resource = client.readResource(new McpSchema.ReadResourceRequest("cutline://jobs/" + id + "/video"));
            JsonNode renders = JSON.readTree(((McpSchema.TextResourceContents) resource.contents().get(0)).text()).path("renders");
            assertThat(renders.findValuesAsText("path")).contains(video.toString());
            assertThat(JSON.valueToTree(client.callTool(call("get_job", Map.of("id", id))).structuredContent()).at("/progress/state").asText())
                    .isEqualTo("DONE");
            McpSchema.ReadResourceResult channel = client.readResource(new McpSchema.ReadResourceRequest("cutline://channels/quick"));
            assertThat(((McpSchema.TextResourceContents) channel.contents().get(0)).text()).contains("id: quick");
        }
    }

    @Test
    void badCallsAreToolErrorsThatNameTheProblem() throws Exception {
        try (McpSyncClient client = client(http(Http.TOKEN), new CopyOnWriteArrayList<>())) {
            client.initialize();
            assertThat(error(client, call("create_job", Map.of("channel", 42)))).contains("channel");
            assertThat(error(client, call("create_job", Map.of("channel", "nope")))).contains("no channel 'nope'", "quick");
            assertThat(error(client, call("get_job", Map.of("id", "00000000-0000-0000-0000-000000000000")))).contains("no job");
            assertThat(error(client, call("list_jobs", Map.of("state", "LOST")))).contains("state");
            assertThat(error(client, call("get_channel_performance", Map.of("channel", "nope")))).contains("no channel 'nope'");
            JsonNode performance = JSON.valueToTree(client.callTool(call("get_channel_performance", Map.of("channel", "quick")))
                    .structuredContent());
            assertThat(performance.path("channel").asText()).isEqualTo("quick");
            assertThat(performance.path("arms")).as("one arm: the channel's own format, nothing measured yet").singleElement()
                    .satisfies(arm -> assertThat(arm.path("videos").asInt()).isZero());
            assertThat(error(client, call("get_costs", Map.of("since", "yesterday")))).contains("since", "yesterday");

            JsonNode checked = JSON.valueToTree(client.callTool(call("validate_channel", Map.of("id", "draft",
                    "text", "id: draft\nname: Draft\nniche: tests\nlanguage: en\nformat: square-ish\n"))).structuredContent());
            assertThat(checked.path("valid").asBoolean()).isFalse();
            assertThat(checked.path("problems").findValuesAsText("field")).contains("format");
            assertThat(checked.path("problems").get(0).path("line").asInt()).isPositive();
        }
    }

    @Test
    void noTokenNoMcp() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        try (McpSyncClient client = client(http("not-the-token"), new CopyOnWriteArrayList<>())) {
            assertThatThrownBy(client::initialize).as("a wrong token").isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void theHttpTransportKeepsToTheSpecification() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> opened = http.send(mcp(null).POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(200);
        String session = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(JSON.readTree(opened.body()).at("/result/serverInfo/name").asText()).isEqualTo("cutline");

        HttpResponse<String> listening = http.send(mcp(session).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listening.statusCode()).isEqualTo(405);
        assertThat(listening.headers().firstValue("Allow")).hasValue("POST, DELETE");

        HttpResponse<String> listed = http.send(mcp(session).POST(HttpRequest.BodyPublishers.ofString(
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(listed.body()).at("/result/tools").size()).isEqualTo(9);

        assertThat(http.send(mcp(session).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = http.send(mcp(session).POST(HttpRequest.BodyPublishers.ofString(
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(gone.body()).path("error").asText()).contains("no MCP session", "initialize again");
    }

    private static HttpRequest.Builder mcp(String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Authorization", "Bearer " + Http.TOKEN).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").timeout(Duration.ofSeconds(60));
        return session == null ? request : request.header("Mcp-Session-Id", session);
    }

    @Test
    void claudeDesktopReachesTheToolsOverStdio() throws Exception {
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        ServerParameters bridge = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args("-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-Dcutline.console.level=WARN", "-Dcutline.log.file=target/test-logs/mcp-bridge.log",
                        "io.cutline.Cutline", "mcp", "--url", "http://127.0.0.1:" + port + "/mcp")
                .env(Map.of("CUTLINE_API_TOKEN", Http.TOKEN)).build();
        try (McpSyncClient client = client(new StdioClientTransport(bridge, McpJsonDefaults.getMapper()), progress)) {
            client.initialize();
            assertThat(client.listTools().tools()).hasSize(9);

            McpSchema.CallToolResult parked = client.callTool(McpSchema.CallToolRequest.builder("create_job")
                    .arguments(Map.of("channel", "quick", "topic", UNKNOWN_TOPIC)).progressToken(7).build());
            JsonNode job = JSON.valueToTree(parked.structuredContent());
            assertThat(job.path("state").asText()).as(text(parked)).isEqualTo("PARKED");
            assertThat(job.at("/failure/reason").asText()).isNotBlank();
            assertThat(progress).isNotEmpty();

            JsonNode retried = JSON.valueToTree(client.callTool(call("retry_job", Map.of("id", job.path("id").asText()))).structuredContent());
            assertThat(retried.path("attempt").asInt()).isEqualTo(2);
            assertThat(error(client, call("retry_job", Map.of("id", "00000000-0000-0000-0000-000000000000")))).contains("no job");
        }
    }

    private static McpClientTransport http(String token) {
        return HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token)).build();
    }

    private static McpSyncClient client(McpClientTransport transport, List<McpSchema.ProgressNotification> progress) {
        return McpClient.sync(transport).jsonSchemaValidator(new ToolSchemaValidator(JSON)).requestTimeout(Duration.ofMinutes(4)).initializationTimeout(Duration.ofSeconds(60))
                .progressConsumer(progress::add).build();
    }

    private static McpSchema.CallToolRequest call(String tool, Map<String, Object> arguments) {
        return McpSchema.CallToolRequest.builder(tool).arguments(arguments).build();
    }

    private static String error(McpSyncClient client, McpSchema.CallToolRequest call) {
        McpSchema.CallToolResult result = client.callTool(call);
        assertThat(result.isError()).as(call.name() + " " + call.arguments()).isTrue();
        String message = text(result);
        assertThat(message).doesNotContain("Exception", "\tat ");
        return message;
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream().map(content -> ((McpSchema.TextContent) content).text()).reduce("", String::concat);
    }
}
