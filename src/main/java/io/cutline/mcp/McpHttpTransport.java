package io.cutline.mcp;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cutline.api.ApiAccess;
import io.cutline.api.ApiProblem;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The MCP Streamable HTTP transport on the service's own HTTP server: {@code routes/mcp.yaml} hands
 * every request to {@code /mcp} (its token already checked) to {@link #handle}. POST carries one
 * JSON-RPC message: {@code initialize} opens a session (its id in {@code Mcp-Session-Id}), a
 * notification or response is accepted (202), a request is answered as JSON, or as an SSE stream
 * when it asked for progress (the notifications come before the response). DELETE ends the session;
 * GET is refused (405): there is no listening stream.
 */
public class McpHttpTransport implements McpStreamableServerTransportProvider {

    /** What a tool finds in its transport context: the name (never the value) of the caller's token. */
    static final String TOKEN_NAME = "tokenName";

    private static final String EVENT_STREAM = "text/event-stream";

    private final McpJsonMapper json;
    private final Map<String, McpStreamableServerSession> sessions = new ConcurrentHashMap<>();
    private McpStreamableServerSession.Factory sessionFactory;

    public McpHttpTransport(McpJsonMapper json) {
        this.json = json;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Flux.fromIterable(sessions.values()).flatMap(session -> session.sendNotification(method, params)).then();
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        McpStreamableServerSession session = sessions.get(sessionId);
        return session == null ? Mono.empty() : session.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Flux.fromIterable(sessions.values()).flatMap(McpStreamableServerSession::closeGracefully)
                .then(Mono.fromRunnable(sessions::clear));
    }

    /** Answers one request to {@code /mcp}: its status, headers and body (JSON, or an SSE stream) on the exchange's message. */
    public void handle(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String method = message.getHeader(Exchange.HTTP_METHOD, String.class);
        McpTransportContext context = McpTransportContext.create(Map.of(TOKEN_NAME,
                message.getHeader(ApiAccess.TOKEN_NAME, "unknown", String.class)));
        switch (method) {
            case "POST" -> post(message, context);
            case "GET" -> listen();
            case "DELETE" -> {
                session(message).delete().contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context)).block();
                sessions.remove(message.getHeader(HttpHeaders.MCP_SESSION_ID, String.class));
                answer(message, 204, null, null);
            }
            default -> throw new ApiProblem(405, "/mcp answers POST, GET and DELETE, not " + method);
        }
    }

    private void post(Message message, McpTransportContext context) throws IOException {
        String accept = message.getHeader("Accept", "", String.class);
        if (!accept.contains("application/json") || !accept.contains(EVENT_STREAM)) {
            throw new ApiProblem(406, "Accept must list both application/json and text/event-stream, got '" + accept + "'");
        }
        McpSchema.JSONRPCMessage incoming;
        try {
            incoming = McpSchema.deserializeJsonRpcMessage(json, message.getBody(String.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiProblem(400, "the body is not a JSON-RPC message: " + e.getMessage());
        }
        if (incoming instanceof McpSchema.JSONRPCRequest request && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            McpSchema.InitializeRequest initialize = json.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {
            });
            McpStreamableServerSession.McpStreamableServerSessionInit init = sessionFactory.startSession(initialize);
            sessions.put(init.session().getId(), init.session());
            message.setHeader(HttpHeaders.MCP_SESSION_ID, init.session().getId());
            answer(message, 200, "application/json", json.writeValueAsString(
                    McpSchema.JSONRPCResponse.result(request.id(), init.initResult().block())));
            return;
        }
        McpStreamableServerSession session = session(message);
        if (incoming instanceof McpSchema.JSONRPCRequest request) {
            SseStream stream = new SseStream(json, session.getId());
            Mono<Void> handled = session.responseStream(request, stream).contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context));
            if (wantsProgress(request)) {
                handled.subscribe();
                answer(message, 200, EVENT_STREAM, stream.body());
            } else {
                answer(message, 200, "application/json", lastMessage(stream, handled));
            }
        } else if (incoming instanceof McpSchema.JSONRPCNotification notification) {
            session.accept(notification).contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context)).block();
            answer(message, 202, null, null);
        } else if (incoming instanceof McpSchema.JSONRPCResponse response) {
            session.accept(response).contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context)).block();
            answer(message, 202, null, null);
        }
    }

    /**
     * GET would open a listening stream for server-initiated messages. Cutline sends everything on
     * each request's own answer, and a stream the client keeps open would hold the HTTP server's
     * blocking-read queue (the platform-http consumer reads a streamed body with ordered blocking
     * tasks, so one idle stream would stall the others): 405, as the specification allows.
     */
    private static void listen() {
        throw new ApiProblem(405, "/mcp opens no listening stream: every message comes on the answer to its POST",
                Map.of("Allow", "POST, DELETE"));
    }

    /** A request answered as plain JSON: the SDK's last message on that request's stream is its response. */
    private static String lastMessage(SseStream stream, Mono<Void> handled) throws IOException {
        handled.block();
        String text = new String(stream.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int data = text.lastIndexOf("\ndata: ");
        return text.substring(data + "\ndata: ".length()).strip();
    }

    private static boolean wantsProgress(McpSchema.JSONRPCRequest request) {
        return request.params() instanceof Map<?, ?> params && params.get("_meta") instanceof Map<?, ?> meta
                && meta.get("progressToken") != null;
    }

    private McpStreamableServerSession session(Message message) {
        String id = message.getHeader(HttpHeaders.MCP_SESSION_ID, String.class);
        if (id == null || id.isBlank()) {
            throw new ApiProblem(400, "Mcp-Session-Id is missing: send initialize first, then its session id with every request");
        }
        McpStreamableServerSession session = sessions.get(id);
        if (session == null) {
            throw new ApiProblem(404, "no MCP session '" + id.replaceAll("\\p{Cntrl}", "?") + "' (it ended, or the service restarted): initialize again");
        }
        return session;
    }

    private static void answer(Message message, int status, String contentType, Object body) {
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (contentType != null) {
            message.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        if (EVENT_STREAM.equals(contentType)) {
            message.setHeader("Cache-Control", "no-cache");
        }
        message.setBody(body);
    }
}
