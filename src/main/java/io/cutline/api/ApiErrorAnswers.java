package io.cutline.api;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * The answers the HTTP server gives before any route runs (a body over the size limit, an unknown
 * path or method) in the API's JSON error shape, instead of the server's plain text: a failure
 * handler first in line, and a last route for requests no other route took.
 */
public class ApiErrorAnswers implements StartupListener {

    private static final Map<Integer, String> MESSAGES = Map.of(
            413, "the body is larger than the service accepts (camel.server.max-body-size)",
            404, "no such path, or it does not take that method (see README: REST API)");

    private final int port;
    private final ObjectMapper json;

    public ApiErrorAnswers(int port, ObjectMapper json) {
        this.port = port;
        this.json = json;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            return;
        }
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
        router.route().order(Integer.MAX_VALUE).handler(request -> {
            request.response().setStatusCode(404);
            answer(request);
        });
    }

    private void answer(RoutingContext request) {
        int status = request.statusCode() > 0 ? request.statusCode() : request.response().getStatusCode();
        if (request.response().ended() || !MESSAGES.containsKey(status)) {
            request.next();
            return;
        }
        try {
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(Map.of("error", MESSAGES.get(status))));
        } catch (JsonProcessingException e) {
            request.fail(e);
        }
    }
}
