package io.cutline.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Who may call the API (routes/api.yaml runs this before every handler): a bearer token in
 * {@code Authorization} (for provider webhooks, which cannot send headers, also an
 * {@code access_token} query parameter), of a role that allows the request: GET needs read, other
 * methods operate, webhooks hook. The token leaves the message once checked. Each token may create
 * at most {@code jobsPerMinute} jobs a minute.
 */
public class ApiAccess {

    /** The header that carries the name (never the value) of the token a request came with. */
    public static final String TOKEN_NAME = "apiTokenName";

    private static final String CHALLENGE = "Bearer realm=\"cutline\"";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

    private final ApiTokens tokens;
    private final boolean metricsOpen;
    private final RateLimiterRegistry jobCreation;

    /** {@code metricsOpen}: whether {@code /observe/metrics} may be read without a token (a scraper inside a trusted network). */
    public ApiAccess(ApiTokens tokens, boolean metricsOpen, int jobsPerMinute) {
        this.tokens = tokens;
        this.metricsOpen = metricsOpen;
        this.jobCreation = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(jobsPerMinute).limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build());
    }

    public void authorize(Exchange exchange) {
        Message request = exchange.getMessage();
        String path = request.getHeader(Exchange.HTTP_URI, "", String.class);
        String method = request.getHeader(Exchange.HTTP_METHOD, "GET", String.class);
        if (metricsOpen && path.equals("/observe/metrics") || signedDownload(path)) {
            // a download's signed link stands in for a token (RenderDownloads checks it)
            return;
        }
        boolean hook = within(path, "/hooks/[^/]+");
        Role needed = hook ? Role.HOOK : READ_METHODS.contains(method) ? Role.READ : Role.OPERATE;
        String presented = bearer(request.getHeader("Authorization", String.class));
        if (presented == null && hook) {
            presented = request.getHeader("access_token", String.class);
        }
        request.removeHeader("Authorization");
        request.removeHeader("access_token");
        if (presented == null) {
            throw new ApiProblem(401, "authentication required: send 'Authorization: Bearer <token>'",
                    Map.of("WWW-Authenticate", CHALLENGE));
        }
        ApiTokens.Token token = tokens.find(presented).orElseThrow(() -> new ApiProblem(401, "the bearer token is not valid",
                Map.of("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\"")));
        if (!token.role().allows(needed)) {
            throw new ApiProblem(403, "token '" + token.name() + "' has role " + token.role().name().toLowerCase()
                    + "; " + method + " " + path + " needs " + needed.name().toLowerCase());
        }
        request.setHeader(TOKEN_NAME, token.name());
    }

    /**
     * Whether the path is a download's, {@code /downloads/<job>/<file>} exactly: a path that climbs
     * out of it ({@code /downloads/x/../../api/jobs}, however encoded) still needs a token.
     */
    private static boolean signedDownload(String path) {
        return within(path, "/downloads/[^/]+/[^/]+");
    }

    /**
     * Whether the path, decoded, is exactly of {@code shape} and climbs nowhere: the router resolves
     * {@code ..} before it picks a route, so {@code /hooks/../api/jobs} must not pass as a webhook.
     */
    private static boolean within(String path, String shape) {
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        return decoded.matches(shape) && !decoded.contains("..");
    }

    /** Counts one job creation against the token's rate; 429 with {@code Retry-After} when it is used up. */
    public void admitJobCreation(String tokenName) {
        RateLimiter limiter = jobCreation.rateLimiter(tokenName == null ? "unknown" : tokenName);
        if (!limiter.acquirePermission()) {
            long wait = limiter instanceof AtomicRateLimiter atomic
                    ? Math.max(1, (long) Math.ceil(atomic.getDetailedMetrics().getNanosToWait() / 1e9)) : 60;
            throw new ApiProblem(429, "token '" + tokenName + "' may create " + limiter.getRateLimiterConfig().getLimitForPeriod()
                    + " jobs a minute; try again later", Map.of("Retry-After", String.valueOf(wait)));
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String trimmed = authorization.trim();
        return trimmed.regionMatches(true, 0, "Bearer ", 0, 7) ? trimmed.substring(7).trim() : null;
    }
}
