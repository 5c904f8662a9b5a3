package io.cutline.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;

import io.cutline.config.Secrets;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code cutline mcp}: MCP over stdio for clients that launch a local process (Claude Desktop), as a
 * thin bridge to a running service's {@code /mcp}. Each line on stdin is one JSON-RPC message,
 * posted with the bearer token; each message the service answers or streams (progress, responses)
 * becomes one line on stdout. The tools exist once, in the service, next to the ledger and the jobs
 * they start. A message the service cannot take (not running, token refused) is answered with a
 * JSON-RPC error naming the problem, so the client shows it instead of waiting.
 */
public final class StdioBridge {

    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private final URI endpoint;
    private final HttpClientStreamableHttpTransport transport;
    private final PrintStream out;

    /** {@code endpoint}: the service's MCP URL, e.g. http://127.0.0.1:8080/mcp. */
    public StdioBridge(URI endpoint, String token, PrintStream out) {
        this.endpoint = endpoint;
        this.out = out;
        String base = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        this.transport = HttpClientStreamableHttpTransport.builder(base).endpoint(endpoint.getRawPath())
                .httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
                .build();
    }

    /** Bridges until stdin ends, then ends the session. */
    public void run(BufferedReader in) throws IOException {
        transport.connect(incoming -> incoming.doOnNext(this::write).then(Mono.empty())).block();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            McpSchema.JSONRPCMessage message;
            try {
                message = McpSchema.deserializeJsonRpcMessage(json, line);
            } catch (IOException | IllegalArgumentException e) {
                write(McpSchema.JSONRPCResponse.error(null, new McpSchema.JSONRPCResponse.JSONRPCError(
                        McpSchema.ErrorCodes.PARSE_ERROR, "not a JSON-RPC message: " + e.getMessage(), null)));
                continue;
            }
            Mono<Void> sent = transport.sendMessage(message).onErrorResume(failure -> {
                refuse(message, failure);
                return Mono.empty();
            });
            // initialize carries the session the next messages need; the rest go on without waiting (a followed job streams for minutes)
            if (message instanceof McpSchema.JSONRPCRequest request && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
                sent.block();
            } else {
                sent.subscribe();
            }
        }
        transport.closeGracefully().block();
    }

    private void refuse(McpSchema.JSONRPCMessage message, Throwable failure) {
        if (message instanceof McpSchema.JSONRPCRequest request) {
            write(McpSchema.JSONRPCResponse.error(request.id(), new McpSchema.JSONRPCResponse.JSONRPCError(
                    McpSchema.ErrorCodes.INTERNAL_ERROR, Secrets.redact("the Cutline service at " + endpoint + " did not take the request: "
                            + failure.getMessage() + " (is bin/cutline serve running, and is CUTLINE_API_TOKEN its token?)"), null)));
        }
    }

    private synchronized void write(McpSchema.JSONRPCMessage message) {
        try {
            out.println(json.writeValueAsString(message));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an MCP message", e);
        }
    }
}
