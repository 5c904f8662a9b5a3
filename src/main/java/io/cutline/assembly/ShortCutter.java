package io.cutline.assembly;

import java.util.ArrayList;
import java.util.List;

import io.cutline.channel.Channel;
import io.cutline.ledger.ShortCut;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.ShortLedger;
import io.cutline.media.MediaInfo;
import io.cutline.model.Render;
import io.cutline.model.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the shorts a channel asks for from a job's video ({@link ShortCuts} chooses the runs of scenes):
 * each rendered from the scenes' own clips and narration at 1080x1920 with captions of its own, put
 * through the same quality gates as a rendition, then recorded as a render named {@code short-<n>}. The
 * plan, and why it holds fewer shorts than asked for, goes to the ledger before anything is rendered.
 *
 * @param minSeconds the shortest short unless the channel says otherwise ({@code cutline.shorts.min-seconds})
 * @param maxSeconds the longest ({@code cutline.shorts.max-seconds})
 */
public record ShortCutter(Assembler assembler, ShortLedger shorts, HookLedger hooks, int fps, int minSeconds, int maxSeconds) {

    private static final Logger LOG = LoggerFactory.getLogger(ShortCutter.class);

    /**
     * The job's shorts, rendered; none when its channel asks for none, or for a hook variant after the
     * first (its shorts past the opening would repeat the first variant's).
     */
    public List<ShortCut> cut(String jobId) {
        Edit edit = assembler.edits().read(jobId);
        Channel.Shorts asked = edit.channel().shorts();
        if (asked == null || hooks.variantOf(jobId).filter(variant -> variant.number() > 1).isPresent()) {
            return List.of();
        }
        ShortCuts.Plan plan = ShortCuts.choose(lengths(edit), asked.count(),
                asked.minSeconds() == null ? minSeconds : asked.minSeconds(), asked.maxSeconds() == null ? maxSeconds : asked.maxSeconds());
        List<ShortCut> cuts = new ArrayList<>();
        for (ShortCuts.Cut cut : plan.cuts()) {
            cuts.add(new ShortCut(jobId, cuts.size() + 1, cut.firstScene(), cut.lastScene(), cut.startSeconds(), cut.endSeconds(), null,
                    ShortCut.State.PLANNED));
        }
        shorts.plan(jobId, asked.count(), plan.shortfall().orElse(null), cuts);
        plan.shortfall().ifPresent(why -> LOG.warn("job {}: {}", jobId, why));
        for (ShortCut cut : cuts) {
            Edit window = edit.window(cut.firstScene(), cut.lastScene(), fps);
            try (Rendering rendering = assembler.renderer().renderShort(jobId, window, cut.rendition(), edit.channel().shortsPlatforms(),
                    asked.crop())) {
                Rendering.Target target = rendering.targets().get(0);
                MediaInfo file = assembler.checks().check(jobId, window, rendering).get(target.name());
                Render render = assembler.place(jobId, window, rendering, target, file);
                shorts.rendered(jobId, cut.number(), render.path());
            }
        }
        return shorts.forJob(jobId);
    }

    private static List<ShortCuts.SceneLength> lengths(Edit edit) {
        List<ShortCuts.SceneLength> lengths = new ArrayList<>();
        for (int i = 0; i < edit.scenes().size(); i++) {
            SceneTiming.Span span = edit.spans().get(i);
            lengths.add(new ShortCuts.SceneLength(span.start(), span.end(), Scene.HERO.equals(edit.scenes().get(i).style())));
        }
        return lengths;
    }
}
