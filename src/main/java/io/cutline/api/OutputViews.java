package io.cutline.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;

import io.cutline.ledger.Publication;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.QualityLedger;
import io.cutline.ledger.ReadyQueue;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.ShortLedger;

/**
 * What a job has made, as the job view shows it: its renditions, the quality gates they passed or failed, its
 * publications, the shorts cut from its video, and its videos in the publishing slots' ready queue.
 */
public record OutputViews(RenderLedger renders, QualityLedger quality, PublicationLedger publications, ShortLedger shorts,
                          ReadyQueue readyQueue, ChannelRegistry channels, Clock clock) {

    List<JobView.RenderView> renders(String jobId) {
        return renders.forJob(jobId).stream().map(render -> new JobView.RenderView(render.rendition(), render.path(),
                render.width(), render.height(), render.durationSeconds(), render.thumbnailPath())).toList();
    }

    List<JobView.GateView> gates(String jobId) {
        return quality.forJob(jobId).stream().map(gate -> new JobView.GateView(gate.rendition(), gate.gate(), gate.passed(),
                gate.measured(), gate.expected())).toList();
    }

    List<JobView.PublicationView> publications(String jobId) {
        return publications.forJob(jobId).stream().map(OutputViews::publication).toList();
    }

    /** The job's shorts, or null when none were planned. */
    JobView.Shorts shorts(String jobId) {
        return shorts.plan(jobId).map(plan -> {
            List<JobView.GateView> gates = gates(jobId);
            List<Publication> posted = publications.shortsOf(jobId);
            return new JobView.Shorts(plan.asked(), plan.shortfall(), shorts.forJob(jobId).stream().map(cut -> new JobView.ShortView(
                    cut.number(), cut.firstScene(), cut.lastScene(), cut.startSeconds(), cut.endSeconds(), cut.seconds(), cut.state().name(),
                    cut.path(), gates.stream().filter(gate -> gate.rendition().equals(cut.rendition())).toList(),
                    posted.stream().filter(publication -> publication.shortNumber() == cut.number()).map(OutputViews::publication).toList()))
                    .toList());
        }).orElse(null);
    }

    private static JobView.PublicationView publication(Publication publication) {
        return new JobView.PublicationView(publication.platform(), publication.state().name(), publication.location(), publication.error());
    }

    List<JobView.SlotView> slots(String jobId, String channelId) {
        Optional<Channel> channel = channels.find(channelId);
        Instant now = clock.instant();
        return readyQueue.forJob(jobId).stream().map(entry -> new JobView.SlotView(entry.platform(), entry.readyAt(), entry.slotAt(),
                entry.slotAt() != null ? null : channel.flatMap(found -> found.nextSlot(entry.platform(), now))
                        .map(next -> next.atOffset(ZoneOffset.UTC)).orElse(null))).toList();
    }
}
