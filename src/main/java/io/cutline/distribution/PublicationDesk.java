package io.cutline.distribution;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.cutline.distribution.platform.PostMetadata;
import io.cutline.model.PermanentFailure;
import io.cutline.model.PlatformRules;
import io.cutline.model.Platforms;

import io.cutline.distribution.platform.Publisher;

import io.cutline.model.Rendition;
import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.Publication;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.ReadyQueue;
import io.cutline.model.Render;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Storyboard;

/**
 * Layer 5, per platform: formats the metadata for the platform and publishes once. The route's
 * idempotent consumer sends a first attempt to {@link #publish} and any repeat to
 * {@link #reconcile}, which does nothing if the ledger says the video is out.
 */
public class PublicationDesk {

    private final JobLedger jobs;
    private final StoryLedger stories;
    private final RenderLedger renders;
    private final PublicationLedger publications;
    private final ChannelRegistry channels;
    private final Platforms platforms;
    private final Map<String, Publisher> publishers;
    private final LanguageLedger languages;
    private final ReadyQueue readyQueue;
    private final Clock clock;

    public PublicationDesk(JobLedger jobs, StoryLedger stories, RenderLedger renders, PublicationLedger publications,
                           ChannelRegistry channels, Platforms platforms, Map<String, Publisher> publishers, LanguageLedger languages,
                           ReadyQueue readyQueue, Clock clock) {
        this.jobs = jobs;
        this.stories = stories;
        this.renders = renders;
        this.publications = publications;
        this.channels = channels;
        this.platforms = platforms;
        this.publishers = Map.copyOf(publishers);
        this.languages = languages;
        this.readyQueue = readyQueue;
        this.clock = clock;
    }

    /** The platforms the job's channel publishes to (routes/distribution.yaml sends the video to each). */
    public List<String> platforms(String jobId) {
        return channel(jobId).platforms();
    }

    /** Publishes the job's video to the platform; true (the route raises {@code video.published} on it). */
    public boolean publish(String jobId, String platform) {
        Channel channel = channel(jobId);
        String rendition = channel.renditionFor(platform).name();
        Render render = renders.find(jobId, rendition)
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " has no " + rendition + " render for " + platform));
        Storyboard storyboard = stories.storyboard(jobId)
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " has no storyboard"));
        PlatformRules rules = platforms.of(platform);
        // a language variant goes out in its own language (its storyboard is the translation)
        PostMetadata metadata = new PostMetadata(jobId, channel.id(), platform, languages.languageOf(jobId).orElse(channel.language()),
                rules.title(storyboard.title()), rules.description(storyboard.description()),
                rules.hashtags(storyboard.hashtags()), render.durationSeconds(), render.width(), render.height(), true, publishAt(jobId, platform));
        publications.begin(jobId, platform);
        try {
            publications.succeed(jobId, platform, publisher(platform).publish(render, metadata,
                    new StoredUploadSession(publications, jobId, platform)));
            return true;
        } catch (RuntimeException e) {
            publications.fail(jobId, platform, e.getMessage());
            throw e;
        }
    }

    /** A repeat attempt: finishes the publication only if the ledger does not show it out already; true when it published now. */
    public boolean reconcile(String jobId, String platform) {
        boolean out = publications.find(jobId, platform).map(Publication::published).orElse(false);
        return !out && publish(jobId, platform);
    }

    /** A publishing slot reserved ahead for the video and still to come: the platform makes it public then. */
    private Instant publishAt(String jobId, String platform) {
        return readyQueue.slotOf(jobId, platform).map(OffsetDateTime::toInstant).filter(slot -> slot.isAfter(clock.instant())).orElse(null);
    }

    private Publisher publisher(String platform) {
        Publisher publisher = publishers.get(platform);
        if (publisher == null) {
            throw new PermanentFailure("no publisher for platform '" + platform + "' (no cutline.distribution." + platform + ".adapter)");
        }
        return publisher;
    }

    private Channel channel(String jobId) {
        return channels.require(jobs.require(jobId).channelId());
    }
}
