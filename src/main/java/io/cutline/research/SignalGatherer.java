package io.cutline.research;

import io.cutline.model.Signal;

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
                             FeedReader feeds, YouTubeTrends youtube) {

    private static final Logger LOG = LoggerFactory.getLogger(SignalGatherer.class);

    /** Polls every channel's sources; one failing source or channel never stops the others. */
    public void pollAll() {
        for (Channel channel : channels.all()) {
            for (Channel.SignalSource source : channel.signals()) {
                try {
                    gather(channel, source);
                } catch (RuntimeException e) {
                    LOG.warn("signals of channel {} from {} not updated: {}", channel.id(), source.name(), e.getMessage());
                }
            }
        }
    }

    /** Gathers the signals of the job's channel. */
    public void gatherForJob(String jobId) {
        Channel channel = channels.require(jobs.require(jobId).channelId());
        for (Channel.SignalSource source : channel.signals()) {
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
