package io.cutline.emulator;

import java.util.function.BiFunction;

/**
 * How a provider words the answers a request can get before its body is used: its error body for a
 * status and message (401, 429 and 5xx faults use it), what it answers to a key it does not take, and
 * to a body that is not JSON.
 */
record ErrorStyle(BiFunction<Integer, String, String> error, Reply badKey, Reply badJson) {

    /** A provider that answers a key it does not take with 401 and {@code error(401, "invalid API key")}. */
    static ErrorStyle of(BiFunction<Integer, String, String> error, Reply badJson) {
        return new ErrorStyle(error, new Reply(401, error.apply(401, "invalid API key")), badJson);
    }

    ErrorStyle withBadKey(Reply reply) {
        return new ErrorStyle(error, reply, badJson);
    }
}
