package io.cutline.api;

/** A request the API refuses, with the HTTP status and a message that names the problem. */
public class ApiProblem extends RuntimeException {

    private final int status;

    public ApiProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
