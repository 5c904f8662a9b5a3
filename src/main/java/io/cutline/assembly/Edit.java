package io.cutline.assembly;

import java.util.List;

import io.cutline.channel.Channel;
import io.cutline.ledger.VoiceTrack;
import io.cutline.model.Scene;

/**
 * What a job's video is cut from: its channel, its scenes in order with their narration, where each
 * scene sits on the time line, each scene's finished clips as the render plays them, and the title.
 */
public record Edit(Channel channel, List<Scene> scenes, List<VoiceTrack> narration, List<SceneTiming.Span> spans,
                   List<RenderGraph.SceneInput> inputs, String title) {

    /** The video's length: the narration, back to back. */
    public double seconds() {
        return spans.get(spans.size() - 1).end();
    }
}
