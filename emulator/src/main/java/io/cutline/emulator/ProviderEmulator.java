package io.cutline.emulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * One loopback HTTP server that speaks the providers' wire protocols (see
 * {@code shared/reference/provider-apis.md}) with real media, for tests, demos and benchmarks.
 * It bills like the providers would (counting paid duplicates) and injects faults on request:
 * {@code POST /emulator/faults} (provider {@code "*"}: every call), {@code DELETE /emulator/faults}, {@code GET /emulator/stats};
 * {@code GET /emulator/posts} lists the YouTube videos and TikTok posts made (for counting publications per job).
 */
public final class ProviderEmulator implements AutoCloseable {

    /** What each provider's emulation registers: its endpoints, speaking that provider's wire protocol. */
    public interface Emulation {
        void register(Router router, EmulatorContext context);
    }

    /** How media downloads word their failures. */
    private static final ErrorStyle MEDIA_ERRORS = ErrorStyle.of((status, message) -> "{\"error\":\"" + message + "\"}",
            new Reply(400, "{\"error\":\"invalid JSON\"}"));

    private final Vertx vertx;
    private final HttpServer server;
    private final EmulatorContext context;
    private final YouTubeDataEmulation youtubeData;

    private ProviderEmulator(Vertx vertx, HttpServer server, EmulatorContext context, YouTubeDataEmulation youtubeData) {
        this.vertx = vertx;
        this.server = server;
        this.context = context;
        this.youtubeData = youtubeData;
    }

    /** Starts on {@code host}:{@code port} (0 for any free port); every emulated provider accepts {@code apiKey}. */
    public static ProviderEmulator start(String host, int port, String apiKey, long seed) {
        return start(host, port, apiKey, seed, List.of());
    }

    /** The same, with more emulations beside the built-in ones (e.g. a provider a test adds). */
    public static ProviderEmulator start(String host, int port, String apiKey, long seed, List<? extends Emulation> more) {
        Vertx vertx = Vertx.vertx();
        EmulatorContext context = new EmulatorContext(vertx, apiKey, new FaultPlan(seed), new Billing(), new ObjectMapper(), new Audience(seed));
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(64L * 1024 * 1024));
        List<Emulation> emulations = new java.util.ArrayList<>(List.of(new ElevenLabsEmulation(), new OpenAiSpeechEmulation(),
                new RunwayEmulation(), new LumaEmulation(), new VeoEmulation(), new KlingEmulation(), new FalEmulation(),
                new LlmEmulation(), new TrendFeedEmulation()));
        // the trend chart answers videos.list?chart=… before the publishing emulation sees videos.list by id
        YouTubeDataEmulation youtubeData = new YouTubeDataEmulation();
        emulations.add(youtubeData);
        // likewise the metrics answer videos.list?part=statistics
        emulations.add(new AudienceEmulation());
        emulations.add(new YouTubeEmulation());
        emulations.add(new TikTokEmulation());
        emulations.add(new InstagramEmulation());
        emulations.addAll(more);
        emulations.forEach(emulation -> emulation.register(router, context));
        admin(router, context);
        try {
            // Google's own clients gzip their JSON request bodies (Content-Encoding: gzip), which Google's servers take
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setDecompressionSupported(true))
                    .requestHandler(router).listen(port, host)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            ProviderEmulator emulator = new ProviderEmulator(vertx, server, context, youtubeData);
            context.baseUrl("http://" + host + ":" + server.actualPort());
            return emulator;
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the provider emulator cannot listen on " + host + ":" + port, e);
        }
    }

    public String baseUrl() {
        return context.baseUrl();
    }

    public FaultPlan faults() {
        return context.faults();
    }

    public Billing billing() {
        return context.billing();
    }

    /** The emulated TikTok creator account: its posts and counters. */
    public TikTokAccount tiktok() {
        return context.tiktok();
    }

    /** The emulated Instagram account: its containers, reels and counters. */
    public InstagramAccount instagram() {
        return context.instagram();
    }

    /** The hidden truth behind the platforms' metrics (per-arm view percentage and views), which tests set. */
    public Audience audience() {
        return context.audience();
    }

    /** The emulated YouTube channel: its uploads and counters. */
    public YouTubeChannel youtube() {
        return context.youtube();
    }

    /** Sets the YouTube Data API's daily quota (units) and starts a new day; past it, 403 quotaExceeded. */
    public void youtubeQuota(int units) {
        youtubeData.quota(units);
    }

    /** YouTube Data API quota units spent today. */
    public int youtubeQuotaSpent() {
        return youtubeData.spent();
    }

    /** Sets how long a video provider's tasks take and how many polls see them unfinished. */
    public void timing(String provider, java.time.Duration latency, int pollsBeforeDone) {
        context.tasks().timing(provider, new VideoTasks.Timing(latency, pollsBeforeDone));
    }

    /**
     * Delays every answer of {@code provider} (an emulated API's name, e.g. {@code openai-chat},
     * {@code anthropic}, {@code youtube-data}, {@code trend-feed}) by {@code delay}: a model's latency.
     */
    public void answerDelay(String provider, java.time.Duration delay) {
        context.answerDelay(provider, delay);
    }

    /** The most video tasks each provider had unfinished at once. */
    public Map<String, Integer> peakInFlight() {
        return context.tasks().peaks();
    }

    /** Starts counting the peaks again (a benchmark's warm-up is not its run). */
    public void resetPeaks() {
        context.tasks().resetPeaks();
    }

    /** Video tasks not finished yet, across providers. */
    public int inFlight() {
        return context.tasks().inFlight();
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway
        }
        vertx.close();
    }

    private static void admin(Router router, EmulatorContext context) {
        router.post("/emulator/faults").handler(call -> {
            try {
                JsonNode body = context.json().readTree(call.body().asString());
                Fault.Kind kind = Fault.Kind.valueOf(body.path("kind").asText().toUpperCase().replace('-', '_'));
                Fault fault = new Fault(kind, body.path("status").asInt(kind == Fault.Kind.SERVER_ERROR ? 503 : 0),
                        body.path("retryAfter").asDouble(1), body.path("delayMillis").asLong(0));
                String provider = body.path("provider").asText();
                if (body.has("probability")) {
                    context.faults().sometimes(provider, fault, body.path("probability").asDouble());
                } else {
                    context.faults().queue(provider, fault, body.path("count").asInt(1));
                }
                call.response().setStatusCode(204).end();
            } catch (Exception e) {
                call.response().setStatusCode(400).end("{\"error\":\"" + e.getMessage() + "\"}");
            }
        });
        router.get("/emulator/media/:file").handler(call -> {
            String id = call.pathParam("file").replaceFirst("\\.mp4$", "");
            java.util.Optional<VideoTask> task = context.tasks().any(id);
            if (task.isEmpty()) {
                call.response().setStatusCode(404).end();
                return;
            }
            java.util.Optional<Fault> fault = context.begin(task.get().provider + "-download");
            if (context.refused(call, fault, true, MEDIA_ERRORS)) {
                return;
            }
            // rendering a new size or length runs ffmpeg: off the event loop
            call.vertx().executeBlocking(() -> context.tasks().video(task.get()), false)
                    .onSuccess(bytes -> context.finish(call, fault, () -> call.response().putHeader("Content-Type", "video/mp4")
                            .end(io.vertx.core.buffer.Buffer.buffer(bytes))))
                    .onFailure(call::fail);
        });
        router.post("/emulator/timing").handler(call -> {
            try {
                JsonNode body = context.json().readTree(call.body().asString());
                context.tasks().timing(body.path("provider").asText(), new VideoTasks.Timing(
                        java.time.Duration.ofMillis(body.path("latencyMillis").asLong(0)), body.path("pollsBeforeDone").asInt(1)));
                call.response().setStatusCode(204).end();
            } catch (Exception e) {
                call.response().setStatusCode(400).end("{\"error\":\"" + e.getMessage() + "\"}");
            }
        });
        router.delete("/emulator/faults").handler(call -> {
            context.faults().clear();
            call.response().setStatusCode(204).end();
        });
        router.get("/emulator/stats").handler(call -> answer(call, context, Map.of("providers", context.billing().accounts(),
                "peakInFlight", context.tasks().peaks(), "faults", context.faults().injected(),
                "youtube", Map.of("videosCreated", context.youtube().videosCreated(), "bytesReceived", context.youtube().bytesReceived()),
                "tiktok", Map.of("postsInitialized", context.tiktok().postsInitialized(), "postsPublished", context.tiktok().postsPublished()),
                "instagram", Map.of("containersCreated", context.instagram().containersCreated(),
                        "mediaPublished", context.instagram().mediaPublished()))));
        router.get("/emulator/posts").handler(call -> answer(call, context,
                Map.of("youtube", context.youtube().videos(), "tiktok", context.tiktok().records())));
    }

    private static void answer(RoutingContext call, EmulatorContext context, Object body) {
        try {
            call.response().putHeader("Content-Type", "application/json").end(context.json().writeValueAsString(body));
        } catch (Exception e) {
            call.fail(e);
        }
    }
}
