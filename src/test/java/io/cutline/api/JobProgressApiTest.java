package io.cutline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelRegistry;
import io.cutline.config.CoreConfiguration;
import io.cutline.job.CallerStories;
import io.cutline.ledger.CostLedger;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.JobProgress;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.LedgerDatabase;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.QualityLedger;
import io.cutline.ledger.ReadyQueue;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.ShortLedger;
import io.cutline.ledger.Step;
import io.cutline.ledger.StepLog;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.ledger.WebhookLedger;
import io.cutline.ledger.VoiceTrack;
import io.cutline.model.Storyboard;
import io.cutline.support.ShippedConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/jobs/{id}} shows the job's progress per layer, read from the ledger as the CLI draws it. */
class JobProgressApiTest {

    private final ObjectMapper json = new CoreConfiguration().json();
    private final LedgerDatabase database = new LedgerDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
    private final Clock clock = Clock.systemUTC();
    private final JobLedger jobs = new JobLedger(database.jdbc(), clock, "node", Duration.ofMinutes(1));
    private final StoryLedger stories = new StoryLedger(database.jdbc(), database.transactions(), json, clock);
    private final VoiceLedger voices = new VoiceLedger(database.jdbc(), clock, json);
    private final PublicationLedger publications = new PublicationLedger(database.jdbc(), clock);
    private final JobApi api = api();

    @AfterEach
    void close() {
        database.stop();
    }

    @Test
    void aJobShowsEachLayersStateAndScenesDoneOfTotal() throws Exception {
        String id = jobs.create("demo", null, null, "api").job().id();
        assertThat(layers(id)).containsExactly(
                "RESEARCH RUNNING 0/1 brief", "STORYBOARD PENDING 0/1 storyboard", "VOICE PENDING 0/0 scenes",
                "GENERATION PENDING 0/0 scenes", "ASSEMBLY PENDING 0/1 video", "DISTRIBUTION PENDING 0/0 platforms");

        jobs.advance(id, Step.RESEARCH);
        stories.saveStoryboard(id, new Storyboard("Title", "About it", List.of("#x"), List.of(
                new Storyboard.SceneDraft("One.", "a", null, null), new Storyboard.SceneDraft("Two.", "b", null, null),
                new Storyboard.SceneDraft("Three.", "c", null, null))), "template");
        jobs.advance(id, Step.STORYBOARD);
        voices.save(new VoiceTrack(id, 0, "espeak-ng", "a.wav", 1.5, List.of()));
        voices.save(new VoiceTrack(id, 1, "espeak-ng", "b.wav", 1.5, List.of()));
        JsonNode job = json.readTree(api.job(id));
        assertThat(job.at("/progress/state").asText()).isEqualTo("RUNNING");
        assertThat(job.at("/progress/step").asText()).isEqualTo("VOICE");
        assertThat(layers(id)).containsExactly(
                "RESEARCH DONE 1/1 brief", "STORYBOARD DONE 1/1 storyboard", "VOICE RUNNING 2/3 scenes",
                "GENERATION PENDING 0/3 scenes", "ASSEMBLY PENDING 0/1 video", "DISTRIBUTION PENDING 0/0 platforms");

        voices.save(new VoiceTrack(id, 2, "espeak-ng", "c.wav", 1.5, List.of()));
        jobs.advance(id, Step.VOICE);
        jobs.park(id, 1, "the generator refused the prompt");
        assertThat(layers(id)).containsExactly(
                "RESEARCH DONE 1/1 brief", "STORYBOARD DONE 1/1 storyboard", "VOICE DONE 3/3 scenes",
                "GENERATION FAILED 0/3 scenes", "ASSEMBLY PENDING 0/1 video", "DISTRIBUTION PENDING 0/0 platforms");
        assertThat(json.readTree(api.job(id)).at("/progress/state").asText()).isEqualTo("PARKED");
    }

    /** Each layer of the answer's progress as "STEP STATE done/total unit". */
    private List<String> layers(String id) throws Exception {
        JsonNode progress = json.readTree(api.job(id)).get("progress");
        List<String> layers = new ArrayList<>();
        progress.get("layers").forEach(layer -> layers.add(layer.get("step").asText() + " " + layer.get("state").asText() + " "
                + layer.get("done").asInt() + "/" + layer.get("total").asInt() + " " + layer.get("unit").asText()));
        return layers;
    }

    private JobApi api() {
        GenerationLedger generations = new GenerationLedger(database.jdbc(), database.transactions(), clock, "node", Duration.ofMinutes(1));
        CostLedger costs = new CostLedger(database.jdbc(), clock);
        ChannelRegistry channels = ShippedConfig.channels(Path.of("config/channels"), Path.of("config/signals"), json);
        ReadyQueue readyQueue = new ReadyQueue(database.jdbc(), database.transactions(), clock, "node", Duration.ofMinutes(1));
        JobViews views = new JobViews(jobs, new StepLog(database.jdbc(), clock), stories, new SceneViews(stories, voices, generations),
                new OutputViews(new RenderLedger(database.jdbc(), clock), new QualityLedger(database.jdbc(), clock), publications,
                        new ShortLedger(database.jdbc(), database.transactions(), clock), readyQueue, channels, clock), costs,
                new JobProgress(jobs, stories, voices, publications),
                new LanguageLedger(database.jdbc(), database.transactions(), clock, "node", Duration.ofMinutes(1)),
                new HookLedger(database.jdbc(), database.transactions(), clock, "node", Duration.ofMinutes(1)));
        return new JobApi(jobs, views, channels, new CallerStories(ShippedConfig.storyRules(), json), costs, new WebhookLedger(database.jdbc(), database.transactions(), clock), json, 10);
    }
}
