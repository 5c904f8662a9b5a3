package io.cutline.assembly;

import java.util.ArrayList;
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

    /**
     * The edit of scenes {@code first} to {@code last} only, on a time line of their own that starts at 0
     * (a short cut from the video): the same clips, narration and captions, cut at the same scene bounds.
     */
    public Edit window(int first, int last, int fps) {
        List<VoiceTrack> words = List.copyOf(narration.subList(first, last + 1));
        List<SceneTiming.Span> ownSpans = SceneTiming.spans(words.stream().map(VoiceTrack::durationSeconds).toList(), fps);
        List<RenderGraph.SceneInput> ownInputs = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            RenderGraph.SceneInput input = inputs.get(i);
            ownInputs.add(new RenderGraph.SceneInput(input.clips(), input.leadSeconds(), input.speed(), ownSpans.get(i - first).frames()));
        }
        return new Edit(channel, List.copyOf(scenes.subList(first, last + 1)), words, ownSpans, List.copyOf(ownInputs), title);
    }

    /** The video's length: the narration, back to back. */
    public double seconds() {
        return spans.get(spans.size() - 1).end();
    }
}
