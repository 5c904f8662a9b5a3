package io.cutline.api;

import java.util.List;

import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.QualityLedger;
import io.cutline.ledger.RenderLedger;

/** What a job has made, as the job view shows it: its renditions, the quality gates they passed or failed, its publications. */
public record OutputViews(RenderLedger renders, QualityLedger quality, PublicationLedger publications) {

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
}
