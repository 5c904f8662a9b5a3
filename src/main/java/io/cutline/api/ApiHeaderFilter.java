package io.cutline.api;

import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Lets only response headers the API means to send leave the service. Without it, every message
 * header (internal ones such as jobId, and echoed query parameters) would become a response header.
 * Incoming requests are filtered as the platform does by default.
 */
public class ApiHeaderFilter extends HttpHeaderFilterStrategy {

    private static final Set<String> RESPONSE_HEADERS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        RESPONSE_HEADERS.addAll(Set.of("Location", "Content-Type", "Retry-After", "Cache-Control", "WWW-Authenticate",
                "Accept-Ranges", "Content-Range", "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                "Mcp-Session-Id", "Allow"));
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return super.applyFilterToCamelHeaders(headerName, headerValue, exchange) || !RESPONSE_HEADERS.contains(headerName);
    }
}
