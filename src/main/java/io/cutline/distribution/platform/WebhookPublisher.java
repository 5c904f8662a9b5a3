package io.cutline.distribution.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutline.config.ProviderSettings;
import io.cutline.model.Render;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.DownloadLinks;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderErrors;
import io.cutline.provider.WebhookSignature;

/**
 * Hands a finished video to a workflow of the operator's (an n8n or Make webhook) instead of a
 * platform: POSTs the video's metadata and signed, expiring download links ({@link DownloadLinks},
 * served by this service at {@code /downloads}, no token needed) to {@code url}. The request is
 * signed like Cutline's webhooks ({@code Cutline-Signature}, {@link WebhookSignature}, keyed with
 * the secret in {@code secret-env}) and carries an {@code Idempotency-Key} that is the same for
 * every attempt of the (job, platform): no reply, 408, 429 and 5xx are tried again by the route's
 * error handling, so a workflow that keeps the keys it has seen acts once. A 2xx delivers; a
 * {@code location} (or {@code url}) in its JSON answer is where the workflow put the video.
 */
public class WebhookPublisher implements Publisher {

    private final ProviderSettings settings;
    private final HttpGateway http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration linkLifetime;

    /**
     * {@code url} (the workflow's webhook), {@code secret-env}, {@code download-base-url} (this
     * service as the workflow reaches it), {@code download-secret-env} (the secret /downloads checks
     * links with) and {@code link-valid-s}.
     */
    public WebhookPublisher(ProviderSettings settings, AdapterKit kit) {
        this.settings = settings;
        this.http = kit.http();
        this.json = kit.json();
        this.clock = Clock.systemUTC();
        this.linkLifetime = Duration.ofSeconds(settings.integer("link-valid-s"));
        if (!settings.text("url").matches("https?://\\S+")) {
            throw new IllegalStateException("property " + settings.property("url") + " must be an http:// or https:// URL, got '"
                    + settings.text("url") + "'");
        }
    }

    @Override
    public String publish(Render render, PostMetadata metadata, UploadSession session) {
        Instant now = clock.instant();
        Instant expires = now.plus(linkLifetime);
        DownloadLinks links = new DownloadLinks(settings.secret("download-secret-env"), settings.text("download-base-url"));
        ObjectNode body = json.valueToTree(metadata);
        ObjectNode video = body.putObject("video").put("url", links.link(render.jobId(), render.rendition() + ".mp4", expires))
                .put("contentType", "video/mp4").put("bytes", UploadFile.size(Path.of(render.path()))).put("expiresAt", expires.toString());
        video.put("width", render.width()).put("height", render.height()).put("durationSeconds", render.durationSeconds());
        if (render.thumbnailPath() != null) {
            body.putObject("thumbnail").put("url", links.link(render.jobId(), render.rendition() + ".jpg", expires))
                    .put("contentType", "image/jpeg").put("expiresAt", expires.toString());
        }
        String text = body.toString();
        HttpGateway.Reply reply = ProviderErrors.check(settings.name(), http.send(settings.name(), HttpGateway.Call.json("POST",
                settings.text("url"), Map.of("User-Agent", "Cutline-Webhooks/1", "Idempotency-Key", "cutline-" + metadata.postId() + "-"
                        + metadata.platform(), WebhookSignature.HEADER, WebhookSignature.header(settings.secret("secret-env"),
                        now.getEpochSecond(), text)), text)));
        return location(reply);
    }

    /** Where the workflow says it put the video, else that it took it. */
    private String location(HttpGateway.Reply reply) {
        try {
            JsonNode answer = json.readTree(reply.body());
            for (String field : new String[] {"location", "url"}) {
                if (answer != null && answer.path(field).isTextual() && !answer.path(field).asText().isBlank()) {
                    return answer.path(field).asText();
                }
            }
        } catch (java.io.IOException notJson) {
            // a workflow may answer anything: a 2xx is enough
        }
        return "webhook " + URI.create(settings.text("url")).getHost() + " accepted (HTTP " + reply.status() + ")";
    }
}
