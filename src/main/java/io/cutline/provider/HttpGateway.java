package io.cutline.provider;

import io.cutline.config.Secrets;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpMethods;

/**
 * HTTP calls to providers through camel-http. Each call is a fresh exchange carrying only the
 * headers the provider's protocol needs (so nothing internal leaks into a request), and nothing is
 * retried here (the HTTP client's own automatic retries, which would resend a POST answered 429 or
 * 503, are off): whether and when to try again is the caller's decision, because for a paid request
 * an unanswered call is an unknown outcome, not a failure.
 */
public class HttpGateway {

    /** A request: method, full URL, headers, and a body (null for none). */
    public record Call(String method, String url, Map<String, String> headers, byte[] body) {
        public static Call json(String method, String url, Map<String, String> headers, String json) {
            Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            all.putAll(headers);
            all.put("Content-Type", "application/json");
            return new Call(method, url, all, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A response: status, headers (looked up case-insensitively) and body. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as a JSON object, or an unknown-outcome error: the provider answered what its protocol does not promise. */
        public JsonNode object(String provider, ObjectMapper json) {
            try {
                JsonNode answer = json.readTree(body);
                if (answer == null || !answer.isObject()) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                return answer;
            } catch (Exception e) {
                throw new ProviderUnavailableException(provider, "unreadable reply (HTTP " + status + "): " + e.getMessage(), true, e);
            }
        }
    }

    /** The Camel component the gateway registers for its calls. */
    static final String COMPONENT = "providers";

    private final CamelContext context;
    private final ProducerTemplate producer;
    /** Resolved at the first call, not at each (normalising the URI again was a tenth of a poll's HTTP). */
    private volatile Endpoint endpoint;

    /**
     * Registers the gateway's own HTTP component in {@code context}: the HTTP client's automatic
     * retries off, connect and response timeouts as given.
     */
    public HttpGateway(CamelContext context, Duration connectTimeout, Duration responseTimeout) {
        if (context.hasComponent(COMPONENT) == null) {
            HttpComponent component = new HttpComponent();
            component.setAutomaticRetriesDisabled(true);
            component.setConnectTimeout(connectTimeout.toMillis());
            component.setResponseTimeout(responseTimeout.toMillis());
            component.setSoTimeout(responseTimeout.toMillis());
            context.addComponent(COMPONENT, component);
        }
        this.context = context;
        this.producer = context.createProducerTemplate();
    }

    /** Sends the call; a reply with any status comes back, a failure to get one throws. */
    public Reply send(String provider, Call call) {
        if (endpoint == null) {
            endpoint = context.getEndpoint(COMPONENT + ":gateway?throwExceptionOnFailure=false");
        }
        Exchange result = producer.send(endpoint, exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_URI, call.url());
            // the component's own type: a String would be converted on every call by a lookup through every type converter
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(call.method()));
            call.headers().forEach(exchange.getMessage()::setHeader);
            exchange.getMessage().setBody(call.body());
        });
        Exception failure = result.getException();
        if (failure != null) {
            boolean notSent = failure instanceof ConnectException || failure instanceof UnknownHostException
                    || failure.getCause() instanceof ConnectException;
            throw new ProviderUnavailableException(provider, (notSent ? "cannot connect: " : "no reply: ")
                    + failure.getClass().getSimpleName() + " " + Secrets.redact(failure.getMessage()), !notSent, failure);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        result.getMessage().getHeaders().forEach((name, value) -> {
            if (value != null && !name.startsWith("Camel")) {
                headers.put(name, value.toString());
            }
        });
        Integer status = result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        byte[] body = result.getMessage().getBody(byte[].class);
        return new Reply(status == null ? 0 : status, headers, body == null ? new byte[0] : body);
    }
}
