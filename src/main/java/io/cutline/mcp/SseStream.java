package io.cutline.mcp;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Iterator;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One Server-Sent Events answer of {@code /mcp} (a POST's answer stream): what the SDK sends becomes
 * {@code event: message} frames, read by the platform-http consumer as the response body. The frames
 * go through a Reactor sink, so the SDK never waits for the client; the body ends when the SDK closes
 * the stream, after the request's response.
 */
final class SseStream implements McpStreamableServerTransport {

    private final McpJsonMapper json;
    private final String sessionId;
    private final Sinks.Many<byte[]> frames = Sinks.many().unicast().onBackpressureBuffer();

    SseStream(McpJsonMapper json, String sessionId) {
        this.json = json;
        this.sessionId = sessionId;
    }

    /** The response body: the frames as they come, ending when the stream closes. */
    InputStream body() {
        Iterator<byte[]> next = frames.asFlux().toIterable(1).iterator();
        return new SequenceInputStream(new Enumeration<InputStream>() {
            // the first part is an SSE comment, there at once: SequenceInputStream opens it without waiting for a frame, and
            // the response's head goes out with it (a tool may run long before its first notification)
            private boolean opened;

            @Override
            public boolean hasMoreElements() {
                return !opened || next.hasNext();
            }

            @Override
            public InputStream nextElement() {
                if (!opened) {
                    opened = true;
                    return new ByteArrayInputStream(": open\n\n".getBytes(StandardCharsets.UTF_8));
                }
                return new ByteArrayInputStream(next.next());
            }
        });
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
        return Mono.fromRunnable(() -> {
            String frame = "id: " + (messageId == null ? sessionId : messageId) + "\nevent: message\ndata: " + write(message) + "\n\n";
            // a frame for a stream already closed (the client left) is dropped, as the SDK expects of a gone client
            frames.emitNext(frame.getBytes(StandardCharsets.UTF_8), Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofSeconds(1)));
        });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    @Override
    public void close() {
        frames.tryEmitComplete();
    }

    private String write(McpSchema.JSONRPCMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write an MCP message", e);
        }
    }
}
