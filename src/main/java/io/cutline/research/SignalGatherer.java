package io.cutline.research;

import io.cutline.model.Signal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.SignalLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each source of a channel, keeps what its keywords let through and stores it in the ledger as
 * that source's snapshot. On the Quartz schedule for every channel ({@code poll-signals}), and for a
 * job's channel just before its topic is picked ({@code research-topic}). A feed or API that cannot be
 * read (or is out of quota) keeps its last snapshot; a broken signals file is the operator's to fix and fails the job that needs it.
 */
public record SignalGatherer(ChannelRegistry channels, JobLedger jobs, SignalLedger ledger, SignalLibrary files,
                             FeedReader feeds, YouTubeTrends youtube, Duration reuseWithin, Clock clock) {

    private static final Logger LOG = LoggerFactory.getLogger(SignalGatherer.class);

    /** One signal source of one channel: what the {@code poll-signals} route splits the poll into. */
    public record ChannelSource(Channel channel, Channel.SignalSource source) {
    }

    /** Every source of every channel, each polled on its own (in parallel, by the route). */
    public List<ChannelSource> sources() {
        return channels.all().stream().flatMap(channel -> channel.signals().stream().map(source -> new ChannelSource(channel, source)))
                .toList();
    }

    /** Polls one source; a failure is logged and keeps the source's last snapshot, never stopping the other sources. */
    public void poll(ChannelSource polled) {
        try {
            gather(polled.channel(), polled.source());
        } catch (RuntimeException e) {
            LOG.warn("signals of channel {} from {} not updated: {}", polled.channel().id(), polled.source().name(), e.getMessage());
        }
    }

    /**
     * Gathers the signals of the job's channel. A feed or API read within {@code reuseWithin} (by the
     * schedule or another job) is not read again: its answer would hardly differ, and a YouTube search
     * costs 100 quota units. Files are always read, so an operator's edit shows in the next job.
     */
    public void gatherForJob(String jobId) {
        Channel channel = channels.require(jobs.require(jobId).channelId());
        Instant staleBefore = clock.instant().minus(reuseWithin);
        for (Channel.SignalSource source : channel.signals()) {
            if (source.file() == null && ledger.polledAt(channel.id(), source.name()).filter(staleBefore::isBefore).isPresent()) {
                continue;
            }
            try {
                gather(channel, source);
            } catch (FeedReader.FeedUnavailableException e) {
                LOG.warn("job {}: {}; its last signals stay in use", jobId, e.getMessage());
            }
        }
    }

    private void gather(Channel channel, Channel.SignalSource source) {
        List<Signal> signals = source.file() != null ? files.signals(source.file())
                : source.youtube() != null ? youtube.read(source.youtube(), source.name()) : feeds.read(source.feed());
        ledger.replace(channel.id(), source.name(), SignalSieve.keep(signals, channel.topics()));
    }
}
