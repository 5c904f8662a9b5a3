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
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.Publication;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.ReadyQueue;
import io.cutline.model.Render;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.ShortCut;
import io.cutline.ledger.ShortLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Storyboard;

/**
 * Layer 5, per platform: formats the metadata for the platform and publishes once, the video and
 * each short cut from it. The route's idempotent consumer sends a first attempt to {@link #publish}
 * and any repeat to {@link #reconcile}, which does nothing if the ledger says the post is out.
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
    private final HookLedger hooks;
    private final ShortLedger shortLedger;
    private final String shortTitleFormat;
    private final ReadyQueue readyQueue;
    private final Clock clock;

    /** {@code shortTitleFormat}: a short's title unless its channel sets one ({title}: the video's, {n}: the short's number). */
    public PublicationDesk(JobLedger jobs, StoryLedger stories, RenderLedger renders, PublicationLedger publications,
                           ChannelRegistry channels, Platforms platforms, Map<String, Publisher> publishers, LanguageLedger languages,
                           HookLedger hooks, ShortLedger shortLedger, String shortTitleFormat, ReadyQueue readyQueue, Clock clock) {
        this.jobs = jobs;
        this.stories = stories;
        this.renders = renders;
        this.publications = publications;
        this.channels = channels;
        this.platforms = platforms;
        this.publishers = Map.copyOf(publishers);
        this.languages = languages;
        this.hooks = hooks;
        this.shortLedger = shortLedger;
        this.shortTitleFormat = shortTitleFormat;
        this.readyQueue = readyQueue;
        this.clock = clock;
    }

    /**
     * The platforms the job's video goes to (routes/distribution.yaml sends it to each): its channel's,
     * or for a hook variant that the channel spreads over platforms, the one its plan gives it.
     */
    public List<String> platforms(String jobId) {
        return hooks.variantOf(jobId).map(HookLedger.Variant::platform).map(List::of).orElseGet(() -> channel(jobId).platforms());
    }

    /** Every (short, platform) the job's shorts go to, in short order (routes/distribution.yaml publishes each after the video). */
    public List<ShortPublication> shorts(String jobId) {
        List<String> shortsPlatforms = channel(jobId).shortsPlatforms();
        return shortLedger.forJob(jobId).stream().filter(cut -> cut.state() == ShortCut.State.RENDERED)
                .flatMap(cut -> shortsPlatforms.stream().map(platform -> new ShortPublication(jobId, platform, cut.number())))
                .toList();
    }

    /**
     * Publishes the job's video ({@code shortNumber} {@value Publication#LONG_VIDEO}) or one of its shorts to the
     * platform; true (the route raises {@code video.published} for the video).
     */
    public boolean publish(String jobId, String platform, int shortNumber) {
        Channel channel = channel(jobId);
        String rendition = shortNumber == Publication.LONG_VIDEO ? channel.renditionFor(platform).name() : ShortCut.rendition(shortNumber);
        Render render = renders.find(jobId, rendition)
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " has no " + rendition + " render for " + platform));
        Storyboard storyboard = stories.storyboard(jobId)
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " has no storyboard"));
        PlatformRules rules = platforms.of(platform);
        String title = shortNumber == Publication.LONG_VIDEO ? storyboard.title() : shortTitle(channel, storyboard.title(), shortNumber);
        String description = shortNumber == Publication.LONG_VIDEO ? storyboard.description() : shortDescription(jobId, platform, storyboard);
        // a language variant goes out in its own language (its storyboard is the translation)
        PostMetadata metadata = new PostMetadata(jobId, channel.id(), platform, languages.languageOf(jobId).orElse(channel.language()),
                rules.title(title), rules.description(description), rules.hashtags(storyboard.hashtags()), render.durationSeconds(),
                render.width(), render.height(), true, publishAt(jobId, platform), shortNumber);
        publications.begin(jobId, platform, shortNumber);
        try {
            publications.succeed(jobId, platform, shortNumber, publisher(platform).publish(render, metadata,
                    new StoredUploadSession(publications, jobId, platform, shortNumber)));
            return true;
        } catch (RuntimeException e) {
            publications.fail(jobId, platform, shortNumber, e.getMessage());
            throw e;
        }
    }

    /** A repeat attempt: finishes the publication only if the ledger does not show it out already; true when it published now. */
    public boolean reconcile(String jobId, String platform, int shortNumber) {
        boolean out = publications.find(jobId, platform, shortNumber).map(Publication::published).orElse(false);
        return !out && publish(jobId, platform, shortNumber);
    }

    private String shortTitle(Channel channel, String title, int shortNumber) {
        String format = channel.shorts() == null || channel.shorts().titleFormat() == null ? shortTitleFormat : channel.shorts().titleFormat();
        return format.replace("{title}", title).replace("{n}", String.valueOf(shortNumber));
    }

    /** The video's description, and where the whole video is when the platform gave it a link. */
    private String shortDescription(String jobId, String platform, Storyboard storyboard) {
        return publications.find(jobId, platform).filter(Publication::published).map(Publication::location)
                .filter(location -> location.startsWith("https://"))
                .map(link -> "Full video: " + link + "\n\n" + storyboard.description())
                .orElse(storyboard.description());
    }

    /** A publishing slot reserved ahead for the video (and its shorts) and still to come: the platform makes them public then. */
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
