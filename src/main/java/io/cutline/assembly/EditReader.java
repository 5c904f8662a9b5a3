package io.cutline.assembly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.cutline.channel.Channel;
import io.cutline.channel.JobChannels;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.GenerationTask;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.ledger.VoiceTrack;
import io.cutline.model.Scene;
import io.cutline.model.Storyboard;

/**
 * Reads a job's {@link Edit} from the ledger: every scene must have its narration and its finished clips;
 * the channel as the job's format arm shapes it (the arm's caption style).
 */
public record EditReader(JobChannels jobChannels, StoryLedger stories, VoiceLedger voices, GenerationLedger generations, int fps) {

    Edit read(String jobId) {
        Channel channel = jobChannels.of(jobId);
        List<Scene> scenes = stories.scenes(jobId);
        List<VoiceTrack> narration = voices.forJob(jobId);
        if (narration.size() != scenes.size()) {
            throw new IllegalStateException("job " + jobId + " has " + scenes.size() + " scenes but " + narration.size() + " voice tracks");
        }
        List<SceneTiming.Span> spans = SceneTiming.spans(narration.stream().map(VoiceTrack::durationSeconds).toList(), fps);
        List<RenderGraph.SceneInput> inputs = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            Scene scene = scenes.get(i);
            inputs.add(new RenderGraph.SceneInput(clipsOf(jobId, scene), scene.plan().leadSeconds(), scene.plan().speed(),
                    spans.get(i).frames()));
        }
        String title = stories.storyboard(jobId).map(Storyboard::title).orElse("");
        return new Edit(channel, scenes, narration, spans, inputs, title);
    }

    private List<Path> clipsOf(String jobId, Scene scene) {
        if (!scene.fullyGenerated()) {
            throw new IllegalStateException("scene " + scene.index() + " of job " + jobId + " has no finished clips");
        }
        List<Path> clips = new ArrayList<>();
        for (String key : scene.clipKeys()) {
            GenerationTask task = generations.find(key).filter(GenerationTask::succeeded).orElseThrow(() ->
                    new IllegalStateException("scene " + scene.index() + " of job " + jobId + ": clip " + key + " is not finished"));
            clips.add(Path.of(task.clipPath()));
        }
        return clips;
    }
}
