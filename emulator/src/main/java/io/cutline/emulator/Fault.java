package io.cutline.emulator;

import java.util.Optional;

/**
 * A fault the emulator injects into one request to a provider.
 *
 * <ul>
 *   <li>{@code RATE_LIMIT}: 429 with {@code Retry-After: retryAfterSeconds}</li>
 *   <li>{@code SERVER_ERROR}: {@code status} (5xx) with the provider's error body</li>
 *   <li>{@code TIMEOUT}: the answer comes after {@code delayMillis}</li>
 *   <li>{@code MALFORMED}: 200 with a body that is not the promised JSON</li>
 *   <li>{@code CORRUPT}: 200 with media that is not media</li>
 *   <li>{@code LOST_REPLY}: the request is accepted (and billed), then the connection is closed without an answer</li>
 *   <li>{@code FAILED}: a generation task that ends FAILED</li>
 *   <li>{@code UNAUTHORIZED}: 401 as if the key were wrong (or the access token expired)</li>
 *   <li>{@code INVALID}: an LLM answers valid JSON that breaks the requested schema</li>
 *   <li>{@code TRUNCATED}: an LLM's answer is cut off at its token limit</li>
 *   <li>{@code REFUSAL}: an LLM refuses to answer</li>
 *   <li>{@code QUOTA_EXCEEDED}: a platform's daily quota is used up (YouTube: 403 {@code quotaExceeded})</li>
 *   <li>{@code CUT_OFF}: an upload's connection drops halfway through the chunk: the first half is kept, no answer</li>
 *   <li>{@code NEVER_LIVE}: a post is accepted and uploaded, then stays in processing for ever</li>
 * </ul>
 * An LLM's {@code MALFORMED} answer is text that is not JSON; Anthropic's overloaded error is a
 * {@code SERVER_ERROR} with status 529.
 */
public record Fault(Kind kind, int status, double retryAfterSeconds, long delayMillis) {

    public enum Kind { RATE_LIMIT, SERVER_ERROR, TIMEOUT, MALFORMED, CORRUPT, LOST_REPLY, FAILED, UNAUTHORIZED, LEAKY_ERROR, INVALID, TRUNCATED, REFUSAL,
        QUOTA_EXCEEDED, CUT_OFF, NEVER_LIVE }

    /** Whether the request's fault (if any) is of {@code kind}. */
    public static boolean is(Optional<Fault> fault, Kind kind) {
        return fault.isPresent() && fault.get().kind() == kind;
    }

    public static Fault of(Kind kind) {
        return new Fault(kind, kind == Kind.SERVER_ERROR ? 503 : 0, 1, 0);
    }
}
