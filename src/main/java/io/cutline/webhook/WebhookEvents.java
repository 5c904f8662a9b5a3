package io.cutline.webhook;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LedgerTime;
import io.cutline.ledger.Publication;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.WebhookLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises an event where a job's state changes (the routes call {@link #raise}): the event's JSON is
 * written once, from the ledger, and queued in the ledger as one delivery per URL that wants it (the
 * channel's {@code webhooks} and the service's {@code cutline.webhooks.urls}); routes/webhooks.yaml
 * sends them.
 */
public class WebhookEvents {

    /** The events there are, in the README's order. */
    public static final List<String> TYPES = List.of("job.completed", "job.parked", "video.published", "publication.failed",
            "budget.exceeded");

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEvents.class);

    private final JobLedger jobs;
    private final PublicationLedger publications;
    private final ChannelRegistry channels;
    private final WebhookLedger deliveries;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<String> defaultUrls;

    public WebhookEvents(JobLedger jobs, PublicationLedger publications, ChannelRegistry channels, WebhookLedger deliveries,
                         ObjectMapper json, Clock clock, List<String> defaultUrls) {
        this.jobs = jobs;
        this.publications = publications;
        this.channels = channels;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
        this.defaultUrls = List.copyOf(defaultUrls);
    }

    /** Queues job event {@code type} (job.completed, job.parked, budget.exceeded) for every URL that wants it. */
    public void raise(String type, String jobId) {
        queue(type, jobId, null, 0);
    }

    /**
     * Queues publication event {@code type} (video.published, publication.failed) about the job's video on
     * {@code platform}, or its short {@code shortNumber} there (0 or none: the video itself).
     */
    public void raisePublication(String type, String jobId, String platform, Integer shortNumber) {
        queue(type, jobId, platform, shortNumber == null ? Publication.LONG_VIDEO : shortNumber);
    }

    private void queue(String type, String jobId, String platform, int shortNumber) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("no webhook event '" + type + "' (known: " + String.join(", ", TYPES) + ")");
        }
        Job job = jobs.require(jobId);
        Set<String> urls = new LinkedHashSet<>(defaultUrls);
        channels.find(job.channelId()).map(Channel::webhooksOrNone).orElse(List.of()).stream()
                .filter(hook -> hook.wants(type)).map(Channel.Webhook::url).forEach(urls::add);
        if (urls.isEmpty()) {
            return;
        }
        String eventId = UUID.randomUUID().toString();
        String payload = payload(eventId, type, job, platform, shortNumber);
        urls.forEach(url -> deliveries.add(eventId, type, jobId, job.channelId(), url, payload));
        LOG.info("webhook event {} {} for job {} queued for {} URL(s)", type, eventId, jobId, urls.size());
    }

    private String payload(String eventId, String type, Job job, String platform, int shortNumber) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("jobId", job.id());
        data.put("channel", job.channelId());
        data.put("state", job.state().name());
        data.put("step", job.step().name());
        data.put("attempt", job.attempt());
        if (job.failureReason() != null) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("step", job.failedStep() == null ? null : job.failedStep().name());
            failure.put("scene", job.failedScene());
            failure.put("reason", job.failureReason());
            data.put("failure", failure);
        }
        if (platform != null) {
            Publication publication = publications.find(job.id(), platform, shortNumber).orElse(null);
            Map<String, Object> published = new LinkedHashMap<>();
            published.put("platform", platform);
            if (shortNumber != Publication.LONG_VIDEO) {
                published.put("short", shortNumber);
            }
            published.put("state", publication == null ? null : publication.state().name());
            published.put("location", publication == null ? null : publication.location());
            published.put("error", publication == null ? null : publication.error());
            data.put("publication", published);
        }
        data.put("links", Map.of("job", "/api/jobs/" + job.id()));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId);
        event.put("type", type);
        event.put("created", LedgerTime.now(clock).toString());
        event.put("data", data);
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
