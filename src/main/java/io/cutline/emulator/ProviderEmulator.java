package io.cutline.emulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * One loopback HTTP server that speaks the providers' wire protocols (see
 * {@code shared/reference/provider-apis.md}) with real media, for tests, demos and benchmarks.
 * It bills like the providers would (counting paid duplicates) and injects faults on request:
 * {@code POST /emulator/faults}, {@code DELETE /emulator/faults}, {@code GET /emulator/stats}.
 */
public final class ProviderEmulator implements AutoCloseable {

    /** What each provider's emulation registers. */
    interface Emulation {
        void register(Router router, EmulatorContext context);
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final EmulatorContext context;

    private ProviderEmulator(Vertx vertx, HttpServer server, EmulatorContext context) {
        this.vertx = vertx;
        this.server = server;
        this.context = context;
    }

    /** Starts on {@code host}:{@code port} (0 for any free port); every emulated provider accepts {@code apiKey}. */
    public static ProviderEmulator start(String host, int port, String apiKey, long seed) {
        Vertx vertx = Vertx.vertx();
        EmulatorContext context = new EmulatorContext(vertx, apiKey, new FaultPlan(seed), new Billing(), new ObjectMapper());
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(64L * 1024 * 1024));
        for (Emulation emulation : List.<Emulation>of(new ElevenLabsEmulation(), new OpenAiSpeechEmulation())) {
            emulation.register(router, context);
        }
        admin(router, context);
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(port, host)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            ProviderEmulator emulator = new ProviderEmulator(vertx, server, context);
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
        router.delete("/emulator/faults").handler(call -> {
            context.faults().clear();
            call.response().setStatusCode(204).end();
        });
        router.get("/emulator/stats").handler(call -> {
            try {
                call.response().putHeader("Content-Type", "application/json")
                        .end(context.json().writeValueAsString(Map.of("providers", context.billing().accounts())));
            } catch (Exception e) {
                call.fail(e);
            }
        });
    }
}
