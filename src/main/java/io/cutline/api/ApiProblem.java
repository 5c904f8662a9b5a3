package io.cutline.api;

import java.util.Map;

/** A request the API refuses, with the HTTP status, a message that names the problem, and any headers the answer needs. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    public ApiProblem(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiProblem(int status, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public int getStatus() {
        return status;
    }

    /** Headers of the answer, e.g. {@code WWW-Authenticate} with a 401, {@code Retry-After} with a 429. */
    public Map<String, String> headers() {
        return headers;
    }
}
