package io.cutline.emulator;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/** What the emulations share: the key they accept, the fault plan, billing, JSON, their own base URL, and how a request is opened (fault, refusal, body). */
final class EmulatorContext {

    private final Vertx vertx;
    private final String apiKey;
    private final FaultPlan faults;
    private final Billing billing;
    private final ObjectMapper json;
    private final VideoTasks tasks;
    private static final String PROVIDER = "emulator.provider";

    private final java.util.Map<String, java.time.Duration> answerDelays = new java.util.concurrent.ConcurrentHashMap<>();
    private final YouTubeChannel youtube = new YouTubeChannel();
    private final TikTokAccount tiktok = new TikTokAccount();
    private final InstagramAccount instagram = new InstagramAccount();
    private final Audience audience;
    private volatile String baseUrl;
    private io.vertx.core.http.HttpClient client;

    EmulatorContext(Vertx vertx, String apiKey, FaultPlan faults, Billing billing, ObjectMapper json, Audience audience) {
        this.vertx = vertx;
        this.audience = audience;
        this.apiKey = apiKey;
        this.faults = faults;
        this.billing = billing;
        this.json = json;
        this.tasks = new VideoTasks(billing);
    }

    VideoTasks tasks() {
        return tasks;
    }

    YouTubeChannel youtube() {
        return youtube;
    }

    TikTokAccount tiktok() {
        return tiktok;
    }

    InstagramAccount instagram() {
        return instagram;
    }

    Audience audience() {
        return audience;
    }

    /** The fields of an {@code application/x-www-form-urlencoded} body (OAuth token requests). */
    static java.util.Map<String, String> form(String body) {
        java.util.Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body == null ? new String[0] : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(java.net.URLDecoder.decode(pair.substring(0, equals), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** Answers with JSON text and a status. */
    static void json(RoutingContext call, int status, String body) {
        call.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    /**
     * Like a provider's webhook: once the task's latency has passed, POSTs {@code body} (made then)
     * to {@code url}; an unreachable receiver is ignored, as providers give up on theirs.
     */
    void callWhenReady(VideoTask task, String url, java.util.function.Supplier<String> body) {
        if (url == null || !url.startsWith("http")) {
            return;
        }
        long delay = Math.max(1, java.time.Duration.between(java.time.Instant.now(), task.readyAt()).toMillis());
        vertx.setTimer(delay, timer -> {
            client().request(new io.vertx.core.http.RequestOptions().setAbsoluteURI(url).setMethod(io.vertx.core.http.HttpMethod.POST)
                            .putHeader("Content-Type", "application/json"))
                    .compose(request -> request.send(body.get()))
                    .onFailure(ignored -> { });
        });
    }

    /**
     * Like a platform fetching media from a public URL ({@code video_url}): GETs {@code url}, then
     * gives the length of what came back, or why nothing did.
     */
    void fetch(String url, java.util.function.Consumer<Long> fetched, java.util.function.Consumer<String> failed) {
        client().request(new io.vertx.core.http.RequestOptions().setAbsoluteURI(url).setMethod(io.vertx.core.http.HttpMethod.GET))
                .compose(io.vertx.core.http.HttpClientRequest::send)
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : io.vertx.core.Future.failedFuture("HTTP " + response.statusCode()))
                .onSuccess(body -> fetched.accept((long) body.length()))
                .onFailure(error -> failed.accept(String.valueOf(error.getMessage())));
    }

    private synchronized io.vertx.core.http.HttpClient client() {
        if (client == null) {
            client = vertx.createHttpClient();
        }
        return client;
    }

    /** Whether {@code base64} decodes to a PNG, JPEG or WebP image (by its magic bytes). */
    static boolean isImage(String base64) {
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 12), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.startsWith("\u0089PNG") || head.startsWith("\u00FF\u00D8\u00FF") || head.startsWith("RIFF") && head.endsWith("WEBP");
    }

    /**
     * The common failures of a request, in the provider's style: a key it does not take, then the
     * fault's 401, 429 (with {@code Retry-After}) or 5xx; true when one was answered.
     */
    boolean refused(RoutingContext call, Optional<Fault> fault, boolean authorized, ErrorStyle style) {
        if (!authorized) {
            style.badKey().send(call);
            return true;
        }
        if (Fault.is(fault, Fault.Kind.UNAUTHORIZED)) {
            json(call, 401, style.error().apply(401, "invalid API key"));
            return true;
        }
        if (Fault.is(fault, Fault.Kind.RATE_LIMIT)) {
            call.response().putHeader("Retry-After", String.valueOf(fault.get().retryAfterSeconds()));
            json(call, 429, style.error().apply(429, "too many requests"));
            return true;
        }
        if (Fault.is(fault, Fault.Kind.SERVER_ERROR)) {
            json(call, fault.get().status(), style.error().apply(fault.get().status(), "internal error"));
            return true;
        }
        if (Fault.is(fault, Fault.Kind.LEAKY_ERROR)) {
            json(call, 500, style.error().apply(500, "internal error serving credentials " + credentials(call)));
            return true;
        }
        return false;
    }

    /** What a careless provider's error page quotes back: the credentials the request carried. */
    private static String credentials(RoutingContext call) {
        return java.util.stream.Stream.of("Authorization", "x-goog-api-key", "xi-api-key", "x-api-key")
                .map(name -> call.request().getHeader(name)).filter(java.util.Objects::nonNull)
                .map(value -> value.replace("\\", "").replace("\"", "")).collect(java.util.stream.Collectors.joining(" "));
    }

    /**
     * The opening every emulated call shares: counts the request for {@code provider} and draws its
     * fault, then refuses it ({@link #refused}). Empty when an answer was sent; the body is not read.
     */
    Optional<OpenedRequest> admit(RoutingContext call, String provider, boolean authorized, ErrorStyle style) {
        call.put(PROVIDER, provider);
        Optional<Fault> fault = begin(provider);
        if (refused(call, fault, authorized, style)) {
            return Optional.empty();
        }
        return Optional.of(new OpenedRequest(fault, com.fasterxml.jackson.databind.node.MissingNode.getInstance()));
    }

    /**
     * The opening every emulated request with a JSON body shares: {@link #admit}, then reads the
     * body, answering {@code style.badJson()} when it is not JSON. Empty when an answer was sent.
     */
    Optional<OpenedRequest> open(RoutingContext call, String provider, boolean authorized, ErrorStyle style) {
        return open(call, provider, authorized, style, request -> Optional.empty());
    }

    /** {@link #open(RoutingContext, String, boolean, ErrorStyle)}, with the endpoint's own {@code check} between the refusal and the body. */
    Optional<OpenedRequest> open(RoutingContext call, String provider, boolean authorized, ErrorStyle style,
            java.util.function.Function<RoutingContext, Optional<Reply>> check) {
        Optional<OpenedRequest> admitted = admit(call, provider, authorized, style);
        if (admitted.isEmpty()) {
            return admitted;
        }
        Optional<Reply> failed = check.apply(call);
        if (failed.isPresent()) {
            failed.get().send(call);
            return Optional.empty();
        }
        try {
            return Optional.of(new OpenedRequest(admitted.get().fault(), json.readTree(call.body().asString())));
        } catch (Exception e) {
            style.badJson().send(call);
            return Optional.empty();
        }
    }

    /** The URL a task's video is downloaded from. */
    String videoUrl(VideoTask task) {
        return baseUrl + "/emulator/media/" + task.id + ".mp4";
    }

    String apiKey() {
        return apiKey;
    }

    FaultPlan faults() {
        return faults;
    }

    Billing billing() {
        return billing;
    }

    ObjectMapper json() {
        return json;
    }

    String baseUrl() {
        return baseUrl;
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }

    /** The fault for this request, counting the request for the provider. */
    Optional<Fault> begin(String provider) {
        billing.request(provider);
        return faults.next(provider);
    }

    /** Makes every answer of {@code provider} wait {@code delay} first, as a model's thinking or a slow feed host does. */
    void answerDelay(String provider, java.time.Duration delay) {
        answerDelays.put(provider, delay);
    }

    /** The provider's answer delay in milliseconds (0 when none is set, or when the call named no provider). */
    private long answerDelay(String provider) {
        return provider == null ? 0 : answerDelays.getOrDefault(provider, java.time.Duration.ZERO).toMillis();
    }

    /** Runs {@code answer} once the provider's answer delay (none unless set) has passed. */
    void answerLater(String provider, Runnable answer) {
        long delay = answerDelay(provider);
        if (delay <= 0) {
            answer.run();
        } else {
            vertx.setTimer(delay, timer -> answer.run());
        }
    }

    /**
     * Sends the answer after the provider's answer delay, later still when the fault is a timeout;
     * for a lost reply, closes the connection instead.
     */
    void finish(RoutingContext call, Optional<Fault> fault, Runnable answer) {
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.LOST_REPLY) {
            call.request().connection().close();
            return;
        }
        long delay = answerDelay(call.get(PROVIDER)) + (Fault.is(fault, Fault.Kind.TIMEOUT) ? Math.max(1, fault.get().delayMillis()) : 0);
        if (delay <= 0) {
            answer.run();
            return;
        }
        vertx.setTimer(delay, timer -> {
            if (!call.response().closed()) {
                answer.run();
            }
        });
    }
}
