package io.cutline.api;

import io.cutline.config.Secrets;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cutline.channel.ChannelRegistry;
import io.cutline.document.DocumentProblem;
import io.cutline.document.SchemaCheck;
import io.cutline.job.CallerStories;
import io.cutline.job.CallerStory;
import io.cutline.job.InvalidCallerStory;
import io.cutline.job.JobRequest;
import io.cutline.job.Receipt;
import io.cutline.ledger.CostLedger;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.JobNotFoundException;
import io.cutline.ledger.JobState;
import io.cutline.ledger.WebhookDelivery;
import io.cutline.ledger.WebhookLedger;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;

/**
 * The typed half of the REST API ({@code routes/api.yaml} is the other): validates request bodies
 * and parameters (400 naming the field), looks jobs up (404), and writes JSON responses.
 */
public class JobApi {

    private static final int MAX_LIMIT = 500;

    private final JobLedger jobs;
    private final JobViews views;
    private final ChannelRegistry channels;
    private final CallerStories callerStories;
    private final CostLedger costs;
    private final WebhookLedger webhooks;
    private final ObjectMapper json;
    private final SchemaCheck requestSchema = SchemaCheck.load("job-request.schema.json");
    private final ObjectReader strictReader;
    private final int maxUnfinished;

    /** {@code maxUnfinished}: jobs the ledger may hold unfinished before a new request is refused (429). */
    public JobApi(JobLedger jobs, JobViews views, ChannelRegistry channels, CallerStories callerStories, CostLedger costs,
                  WebhookLedger webhooks, ObjectMapper json, int maxUnfinished) {
        this.callerStories = callerStories;
        this.jobs = jobs;
        this.views = views;
        this.channels = channels;
        this.costs = costs;
        this.webhooks = webhooks;
        this.json = json;
        this.maxUnfinished = maxUnfinished;
        this.strictReader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Refuses a new job (429) while the ledger holds as many unfinished jobs as allowed: no unbounded queue. */
    public void admitNewJob() {
        int unfinished = jobs.countUnfinished();
        if (unfinished >= maxUnfinished) {
            throw new ApiProblem(429, unfinished + " jobs are unfinished (at most " + maxUnfinished
                    + "); try again when some have finished", Map.of("Retry-After", "60"));
        }
    }

    /** Parses and validates a {@code POST /api/jobs} body (JSON, and only JSON: trailing text, duplicate keys and unknown fields are refused). */
    public JobRequest createRequest(String body, String contentType) {
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?")) {
            throw new ApiProblem(415, "the body must be sent as Content-Type: application/json, got "
                    + (contentType == null ? "no Content-Type" : "'" + printable(contentType) + "'"));
        }
        if (body == null || body.isBlank()) {
            throw new ApiProblem(400, "the body must be a JSON object with at least a \"channel\" field");
        }
        JsonNode request;
        try {
            request = strictReader.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "the body is not valid JSON: " + e.getOriginalMessage());
        }
        List<DocumentProblem> problems = requestSchema.problems(request, "body");
        if (!problems.isEmpty()) {
            throw new ApiProblem(400, problems.stream().map(problem -> problem.field() + ": " + problem.message())
                    .collect(Collectors.joining("; ")));
        }
        String channel = request.path("channel").asText();
        if (channels.find(channel).isEmpty()) {
            List<DocumentProblem> invalid = channels.problemsOf(channel);
            throw new ApiProblem(400, invalid.isEmpty()
                    ? "channel: no channel '" + channel + "' (known: " + channelIds() + ")"
                    : "channel: '" + channel + "' is invalid: " + invalid.stream().map(DocumentProblem::toString)
                            .collect(Collectors.joining("; ")));
        }
        String topic = text(request, "topic");
        CallerStory story;
        try {
            story = callerStories.read(channels.require(channel), topic, request.get("brief"), request.get("storyboard"));
        } catch (InvalidCallerStory e) {
            throw new ApiProblem(400, e.getMessage());
        }
        return new JobRequest(channel, topic, story, text(request, "idempotencyKey"), "api");
    }

    /** The answer to an accepted job request. */
    public String receipt(Receipt receipt) {
        Job job = receipt.job();
        return write(Map.of("id", job.id(), "state", job.state().name(), "step", job.step().name(),
                "created", receipt.created(), "links", Map.of("self", "/api/jobs/" + job.id())));
    }

    public String job(String id) {
        requireJobId(id);
        try {
            return write(views.describe(id));
        } catch (JobNotFoundException e) {
            throw new ApiProblem(404, e.getMessage());
        }
    }

    public String jobs(String state, String channel, String limit) {
        JobState wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = JobState.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(400, "state: must be one of RUNNING, PARKED, DONE, got '" + state + "'");
            }
        }
        String channelId = channel == null || channel.isBlank() ? null : channel.trim();
        return write(Map.of("jobs", jobs.list(wanted, channelId, limit(limit)).stream().map(views::summary).toList()));
    }

    /** {@code GET /api/webhooks/deliveries?state=&job=&limit=}: webhook deliveries, newest first, each with its attempts. */
    public String webhookDeliveries(String state, String job, String limit) {
        WebhookDelivery.State wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = WebhookDelivery.State.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(400, "state: must be one of PENDING, DELIVERED, FAILED, got '" + printable(state) + "'");
            }
        }
        String jobId = job == null || job.isBlank() ? null : job.trim();
        if (jobId != null && !jobId.matches("[0-9a-fA-F-]{36}")) {
            throw new ApiProblem(400, "job: must be a job id (1c2f6969-0d4e-4b7e-9f5c-2a8e1d3b6f10), got '" + printable(job) + "'");
        }
        List<Map<String, Object>> deliveries = webhooks.list(wanted, jobId, limit(limit)).stream().map(delivery -> {
            Map<String, Object> view = new java.util.LinkedHashMap<>();
            view.put("id", delivery.id());
            view.put("eventId", delivery.eventId());
            view.put("event", delivery.eventType());
            view.put("jobId", delivery.jobId());
            view.put("channel", delivery.channelId());
            view.put("url", Secrets.redact(delivery.url()));
            view.put("state", delivery.state().name());
            view.put("attempts", delivery.attempts());
            view.put("lastStatus", delivery.lastStatus());
            view.put("lastError", delivery.lastError());
            view.put("nextAttempt", delivery.nextAttemptAt());
            view.put("created", delivery.createdAt());
            view.put("updated", delivery.updatedAt());
            view.put("log", webhooks.attempts(delivery.id()));
            return view;
        }).toList();
        return write(Map.of("deliveries", deliveries));
    }

    /** A {@code limit} parameter: 50 when absent, else an integer from 1 to {@value #MAX_LIMIT} (400 otherwise). */
    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        int max;
        try {
            max = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > MAX_LIMIT) {
            throw new ApiProblem(400, "limit: must be an integer from 1 to " + MAX_LIMIT + ", got '" + limit + "'");
        }
        return max;
    }

    /** Puts a parked job back to work; the route then resumes it at its failed step. */
    public String retry(String id) {
        requireJobId(id);
        Job job = jobs.find(id).orElseThrow(() -> new ApiProblem(404, "no job '" + id + "'"));
        if (!jobs.unpark(id)) {
            throw new ApiProblem(409, "job " + id + " is " + job.state() + "; only PARKED jobs can be retried");
        }
        Job resumed = jobs.require(id);
        return write(Map.of("id", id, "state", resumed.state().name(), "step", resumed.step().name(),
                "attempt", resumed.attempt(), "links", Map.of("self", "/api/jobs/" + id)));
    }

    /**
     * {@code GET /api/costs?channel=&since=}: generation cost per provider and per day and provider, writing cost
     * (tokens, dollars) per writer, and totals.
     */
    public String costs(String channel, String since) {
        OffsetDateTime from = null;
        if (since != null && !since.isBlank()) {
            try {
                from = OffsetDateTime.parse(since.trim());
            } catch (DateTimeParseException e) {
                try {
                    from = java.time.LocalDate.parse(since.trim()).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
                } catch (DateTimeParseException again) {
                    throw new ApiProblem(400, "since: must be a date (2026-11-25) or a date-time (2026-11-25T09:00:00Z), got '" + since + "'");
                }
            }
        }
        String channelId = channel == null || channel.isBlank() ? null : channel.trim();
        if (channelId != null && channels.find(channelId).isEmpty()) {
            throw new ApiProblem(400, "channel: no channel '" + channelId + "'");
        }
        var byProvider = costs.byProvider(channelId, from);
        var byWriter = costs.writingByWriter(channelId, from);
        double generationUsd = byProvider.stream().mapToDouble(CostLedger.Cost::usd).sum();
        double writingUsd = byWriter.stream().mapToDouble(CostLedger.WritingCost::usd).sum();
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("channel", channelId);
        answer.put("since", from);
        answer.put("providers", byProvider);
        answer.put("writers", byWriter);
        answer.put("days", costs.byDay(channelId, from));
        answer.put("generationUsd", Math.round(generationUsd * 10_000) / 10_000.0);
        answer.put("writingUsd", Math.round(writingUsd * 10_000) / 10_000.0);
        answer.put("totalUsd", Math.round((generationUsd + writingUsd) * 10_000) / 10_000.0);
        answer.put("possibleDuplicateUsd",
                Math.round(byProvider.stream().mapToDouble(CostLedger.Cost::possibleDuplicateUsd).sum() * 10_000) / 10_000.0);
        return write(answer);
    }

    public String channels() {
        return write(Map.of(
                "channels", channels.all(),
                "invalid", channels.problems().stream().map(DocumentProblem::toString).toList()));
    }

    /** Turns the failure being handled into the HTTP answer: the {@link ApiProblem}'s status, or 500. */
    public void answerFailure(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ApiProblem problem = ObjectHelper.getException(ApiProblem.class, failure);
        Message answer = exchange.getMessage();
        answer.setHeader(Exchange.HTTP_RESPONSE_CODE, problem == null ? 500 : problem.getStatus());
        answer.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (problem != null) {
            problem.headers().forEach(answer::setHeader);
        }
        String message = problem != null ? problem.getMessage() : "internal error (logged on the server as incident "
                + exchange.getExchangeId() + ")";
        answer.setBody(write(Map.of("error", Secrets.redact(message))));
    }

    /** Job ids are UUIDs; anything else (control characters, paths, huge strings) is refused without echoing it. */
    static void requireJobId(String id) {
        if (id == null || !id.matches("[0-9a-fA-F-]{36}")) {
            throw new ApiProblem(404, "no job '" + printable(id) + "' (job ids look like 1c2f6969-0d4e-4b7e-9f5c-2a8e1d3b6f10)");
        }
    }

    /** Text safe to echo in an answer: control characters replaced, at most 80 characters. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 80) + "…";
    }

    private String channelIds() {
        return channels.all().stream().map(channel -> channel.id()).collect(Collectors.joining(", "));
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
