package io.cutline.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;

import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.QualityLedger;
import io.cutline.ledger.ReadyQueue;
import io.cutline.ledger.RenderLedger;

/**
 * What a job has made, as the job view shows it: its renditions, the quality gates they passed or failed, its
 * publications, and its videos in the publishing slots' ready queue.
 */
public record OutputViews(RenderLedger renders, QualityLedger quality, PublicationLedger publications, ReadyQueue readyQueue,
                          ChannelRegistry channels, Clock clock) {

    List<JobView.RenderView> renders(String jobId) {
        return renders.forJob(jobId).stream().map(render -> new JobView.RenderView(render.rendition(), render.path(),
                render.width(), render.height(), render.durationSeconds(), render.thumbnailPath())).toList();
    }

    List<JobView.GateView> gates(String jobId) {
        return quality.forJob(jobId).stream().map(gate -> new JobView.GateView(gate.rendition(), gate.gate(), gate.passed(),
                gate.measured(), gate.expected())).toList();
    }

    List<JobView.PublicationView> publications(String jobId) {
        return publications.forJob(jobId).stream().map(publication -> new JobView.PublicationView(publication.platform(),
                publication.state().name(), publication.location(), publication.error())).toList();
    }

    List<JobView.SlotView> slots(String jobId, String channelId) {
        Optional<Channel> channel = channels.find(channelId);
        Instant now = clock.instant();
        return readyQueue.forJob(jobId).stream().map(entry -> new JobView.SlotView(entry.platform(), entry.readyAt(), entry.slotAt(),
                entry.slotAt() != null ? null : channel.flatMap(found -> found.nextSlot(entry.platform(), now))
                        .map(next -> next.atOffset(ZoneOffset.UTC)).orElse(null))).toList();
    }
}
