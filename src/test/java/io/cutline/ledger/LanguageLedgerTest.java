package io.cutline.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.model.Storyboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Language variants in the ledger: one per (job, language), waiting until released; a scene's clips
 * are planned for its longest narration among the job and its variants.
 */
class LanguageLedgerTest {

    private LedgerDatabase database;
    private JobLedger jobs;
    private LanguageLedger languages;
    private StoryLedger stories;
    private VoiceLedger voices;

    @BeforeEach
    void open() {
        database = new LedgerDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        jobs = new JobLedger(database.jdbc(), Clock.systemUTC(), "node-a", Duration.ofMinutes(1));
        languages = new LanguageLedger(database.jdbc(), database.transactions(), Clock.systemUTC(), "node-a", Duration.ofMinutes(1));
        stories = new StoryLedger(database.jdbc(), database.transactions(), new ObjectMapper(), Clock.systemUTC());
        voices = new VoiceLedger(database.jdbc(), Clock.systemUTC(), new ObjectMapper());
    }

    @AfterEach
    void close() {
        database.stop();
    }

    @Test
    void aVariantIsMadeOnceWaitsAndIsReleasedOnce() {
        Job original = jobs.create("demo", "tides", null, "api").job();
        LanguageLedger.Variant german = languages.open(original, "de");
        assertThat(languages.open(original, "de")).as("opened again after a restart").isEqualTo(german);
        LanguageLedger.Variant hebrew = languages.open(original, "he");
        assertThat(languages.variants(original.id())).containsExactlyInAnyOrder(german, hebrew);
        assertThat(languages.languageOf(hebrew.jobId())).contains("he");
        assertThat(languages.languageOf(original.id())).isEmpty();
        assertThat(languages.originalOf(german.jobId())).contains(original.id());

        Job waiting = jobs.require(german.jobId());
        assertThat(waiting.state()).isEqualTo(JobState.WAITING);
        assertThat(waiting.step()).isEqualTo(Step.ASSEMBLY);
        assertThat(waiting.channelId()).isEqualTo("demo");
        assertThat(jobs.claimOrphans()).as("a waiting variant is no orphan").containsExactly();
        assertThat(jobs.isAt(german.jobId(), Step.ASSEMBLY)).isFalse();

        assertThat(languages.release(german.jobId())).isTrue();
        assertThat(languages.release(german.jobId())).as("released once").isFalse();
        assertThat(jobs.require(german.jobId()).state()).isEqualTo(JobState.RUNNING);
        assertThat(jobs.isAt(german.jobId(), Step.ASSEMBLY)).as("leased to this node").isTrue();
    }

    @Test
    void aScenesLongestNarrationIsTheLongestInAnyOfTheJobsLanguages() {
        Job original = jobs.create("demo", "tides", null, "api").job();
        Job other = jobs.create("demo", "tides", null, "api").job();
        Storyboard storyboard = new Storyboard("Tides", "Tides.", List.of("#tides"),
                List.of(new Storyboard.SceneDraft("The Moon pulls the sea.", "the sea at dusk", "hero", 2.0)));
        String german = languages.open(original, "de").jobId();
        String hebrew = languages.open(original, "he").jobId();
        for (String job : List.of(original.id(), german, hebrew, other.id())) {
            stories.saveStoryboard(job, storyboard, "template");
        }
        voices.save(new VoiceTrack(original.id(), 0, "espeak", "en.wav", 2.0, List.of()));
        assertThat(voices.longestNarration(original.id(), 0)).contains(2.0);
        voices.save(new VoiceTrack(german, 0, "espeak", "de.wav", 2.6, List.of()));
        voices.save(new VoiceTrack(hebrew, 0, "espeak", "he.wav", 2.3, List.of()));
        voices.save(new VoiceTrack(other.id(), 0, "espeak", "other.wav", 9.0, List.of()));
        assertThat(voices.longestNarration(original.id(), 0)).as("another job's narration does not count").contains(2.6);
        assertThat(voices.longestNarration(original.id(), 1)).isEmpty();
    }
}
