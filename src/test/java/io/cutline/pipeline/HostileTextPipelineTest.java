package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.job.JobRequest;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.support.Probe;
import io.cutline.support.TextInk;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * A job whose title and narration hold every kind of hostile text (shell syntax, quotes, drawtext
 * expansion, filter-graph and ASS syntax, right-to-left scripts, emoji) ends DONE with every gate
 * passed, not parked: the captions show every word (escaped for ASS), the thumbnail shows the
 * title as written, the outbox keeps it as written, and no file is named after it. Kept as fast as
 * a whole job can be: a one-word hook and two short facts (three scenes, no call to action), clips cut from a
 * small dark footage clip (so the white title is the only bright thing on the thumbnail), one
 * rendition, x264 ultrafast.
 */
class HostileTextPipelineTest {

    private static final String TITLE = "100% sure: $(rm -rf /) `id`; a|b 'q' \"dq\" %{localtime} [0:v],x:y {\\b1}\\N שלום مرحبا 😀";
    private static final List<String> FACTS = List.of(
            "Costs 100% of $(rm -rf /) `id`; a|b 'q' \"dq\".",
            "At %{localtime} [0:v],x:y {\\b1}\\N C:\\temp שלום مرحبا 😀.");

    @Test
    void hostileTitleAndNarrationRenderAsWrittenAndTheJobEndsDone() throws Exception {
        Path root = TestService.newRoot("hostile");
        writeChannel(root);
        Map<String, String> settings = Map.of("cutline.channels.dir", root.resolve("channels").toString(),
                "cutline.signals.dir", root.resolve("signals").toString(),
                "cutline.writer.template.phrases", root.resolve("phrases.yaml").toString(),
                "cutline.generation.footage.folder", root.resolve("footage").toString(),
                "cutline.generation.short-side", "180", "cutline.assembly.preset", "ultrafast");
        try (TestService service = new TestService(root, settings).start()) {
            String id = service.submit(new JobRequest("hostile", null, null, "test")).job().id();
            Job job = service.awaitEnd(id, Duration.ofMinutes(3));
            JobView view = service.bean("jobViews", JobViews.class).describe(id);
            assertThat(job.state()).as("%s; gates %s", job.failureReason(), view.gates()).isEqualTo(JobState.DONE);
            assertThat(view.gates()).isNotEmpty().allSatisfy(gate -> assertThat(gate.passed()).as(gate.toString()).isTrue());
            assertThat(view.title()).isEqualTo(TITLE);

            Path work = root.resolve("media").resolve("jobs").resolve(id).resolve("work");
            assertThat(Files.readString(work.resolve("captions-1080x1920.ass")))
                    .contains("$(rm -rf /)", "`id`;", "a|b", "'q'", "\"dq\".", "%\\{localtime\\}", "[0:v],x:y", "\\{\\\u200Bb1\\}\\\u200BN",
                            "C:\\\u200Btemp", "שלום", "مرحبا", "😀.");
            String lines = Files.readString(work.resolve("title-1080x1920.txt"));
            assertThat(lines.replace('\n', ' ')).isEqualTo(TITLE);
            TextInk.Box title = TextInk.of(Probe.grayImage(Path.of(view.renders().get(0).thumbnail()), 1080, 1920), 1080, 1920, 200);
            int expected = TextInk.referenceWidth(lines, "DejaVu Sans", Font.PLAIN, 1080 / 14);
            assertThat(title.width()).as("thumbnail title width").isCloseTo(expected, within(4 + expected / 25));
            assertThat(title.top()).isCloseTo(Math.round(1920 * 0.12f), within(30));

            Path sidecar = root.resolve("outbox").resolve("youtube").resolve(id + ".json");
            assertThat(new ObjectMapper().readTree(sidecar.toFile()).path("title").asText()).isEqualTo(TITLE);
            try (Stream<Path> files = Stream.concat(Files.walk(root.resolve("media")), Files.walk(root.resolve("outbox")))) {
                assertThat(files.map(file -> file.getFileName().toString())).allMatch(name -> name.matches("[A-Za-z0-9][A-Za-z0-9._-]*"));
            }
        }
    }

    /** The channel, its signals (JSON, which is YAML), the writer's phrases and a dark, moving footage clip. */
    private static void writeChannel(Path root) throws Exception {
        Files.createDirectories(root.resolve("channels"));
        Files.createDirectories(root.resolve("signals"));
        Files.createDirectories(root.resolve("footage"));
        Files.writeString(root.resolve("channels").resolve("hostile.yaml"), """
                id: hostile
                name: Hostile Text
                niche: text safety
                language: en
                voice: {provider: espeak, name: en-us, wordsPerMinute: 260}
                style: {visual: plain dark footage}
                platforms: [youtube]
                format: vertical-short
                targetSeconds: 5
                schedule: {cron: "0 0 12 * * ?", timeZone: UTC, enabled: false}
                budget: {perVideoUsd: 0, perDayUsd: 0}
                generation: {provider: footage}
                """);
        Files.writeString(root.resolve("signals").resolve("hostile.yaml"), new ObjectMapper().writeValueAsString(
                Map.of("topics", List.of(Map.of("title", TITLE, "score", 0.9, "facts", FACTS)))));
        Files.writeString(root.resolve("phrases.yaml"), "hooks: [\"Listen.\"]\ncallsToAction: [\"\"]\n");
        Probe.runIn(root.resolve("footage"), List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "color=c=0x404040:s=180x320:r=30:d=3,noise=alls=24:allf=t+u", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "dark.mp4"));
    }
}
