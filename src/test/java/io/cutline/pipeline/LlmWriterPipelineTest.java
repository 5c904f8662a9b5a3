package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.api.JobApi;
import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.emulator.Fault;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.CostLedger;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.JobState;
import io.cutline.ledger.StoryLedger;
import io.cutline.support.Await;
import io.cutline.support.HostedSettings;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * Jobs of channels written by LLMs (the emulator), through the real routes: answers that break the
 * schema are repaired and paid for, failures to answer are retried by the route, answers that stay
 * invalid park the job with the problems listed. None hangs.
 */
class LlmWriterPipelineTest {

    @Test
    void repairedAnswersRetriedFailuresAndAParkedJobEachEndWithTheirCostsInTheLedger() throws Exception {
        Path root = TestService.newRoot("llm-writers");
        Path channels = Files.createDirectories(root.resolve("channels"));
        channel(channels, "quick-openai", "writer: {provider: openai, fallback: template}");
        channel(channels, "quick-anthropic", "writer: {provider: anthropic, model: claude-haiku-4-5}");
        channel(channels, "quick-strict", "writer: {provider: openai}");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 5)) {
            Map<String, String> settings = new HashMap<>(HostedSettings.emulated(emulator));
            settings.put("cutline.channels.dir", channels.toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            try (TestService service = new TestService(root, settings).start()) {
                JobViews views = service.bean("jobViews", JobViews.class);

                // the first two briefs break the schema: the third attempt is valid, all three are paid for, the job finishes
                emulator.faults().queue("openai-chat", Fault.of(Fault.Kind.INVALID), 2);
                String repaired = service.submit("quick-openai");
                Job job = service.awaitEnd(repaired, Duration.ofSeconds(90));
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
                JobView view = views.describe(repaired);
                List<CostLedger.WriterCall> brief = view.writerCalls().stream().filter(call -> call.document().equals("brief")).toList();
                assertThat(brief).extracting(CostLedger.WriterCall::attempt).containsExactly(1, 2, 3);
                assertThat(brief).extracting(CostLedger.WriterCall::writer).containsOnly("openai");
                assertThat(brief.get(0).outcome()).contains("topic: required property 'topic' not found").contains("notes: unknown key");
                assertThat(brief.get(2).outcome()).isEqualTo("valid");
                assertThat(brief).allSatisfy(call -> {
                    assertThat(call.inputTokens()).isPositive();
                    assertThat(call.outputTokens()).isPositive();
                    assertThat(call.usd()).isPositive();
                });
                assertThat(view.writerCalls()).filteredOn(call -> call.document().equals("storyboard")).singleElement()
                        .satisfies(call -> assertThat(call.outcome()).isEqualTo("valid"));
                // the model said which beat each line tells (the emulator: one scene per beat after the hook)
                assertThat(view.scenes().get(0).facts()).isEmpty();
                assertThat(view.scenes().get(1).facts()).singleElement().isEqualTo(view.scenes().get(1).narration());
                double usd = view.writerCalls().stream().mapToDouble(CostLedger.WriterCall::usd).sum();
                assertThat(view.writing().calls()).isEqualTo(4);
                assertThat(view.writing().usd()).isCloseTo(usd, within(1e-4));
                JsonNode costs = new ObjectMapper().readTree(service.bean("jobApi", JobApi.class).costs("quick-openai", null));
                assertThat(costs.path("writers").get(0).path("writer").asText()).isEqualTo("openai");
                assertThat(costs.path("writers").get(0).path("calls").asInt()).isEqualTo(4);
                assertThat(costs.path("writingUsd").asDouble()).isCloseTo(usd, within(1e-4));
                assertThat(costs.path("totalUsd").asDouble()).isCloseTo(usd, within(1e-4));

                // an overload and a lost reply: the route tries the step again and the storyboard is written (the
                // rest of that job is what the other pipeline tests show)
                emulator.faults().queue("anthropic", new Fault(Fault.Kind.SERVER_ERROR, 529, 0, 0), 1);
                emulator.faults().queue("anthropic", Fault.of(Fault.Kind.LOST_REPLY), 1);
                String retried = service.submit("quick-anthropic");
                StoryLedger stories = service.bean("storyLedger", StoryLedger.class);
                Await.value("a storyboard for job " + retried, Duration.ofSeconds(20), Duration.ofMillis(100),
                        () -> stories.storyboard(retried), java.util.Optional::isPresent);
                assertThat(service.bean("jobLedger", JobLedger.class).require(retried).state()).isEqualTo(JobState.RUNNING);
                assertThat(views.describe(retried).writerCalls()).extracting(CostLedger.WriterCall::model).containsOnly("claude-haiku-4-5");
                assertThat(emulator.billing().accounts().get("anthropic").requests()).as("two failed, two answered").isEqualTo(4);

                // answers that stay invalid and no fallback writer: the job parks with the problems
                emulator.faults().queue("openai-chat", Fault.of(Fault.Kind.INVALID), 3);
                String parked = service.submit("quick-strict");
                job = service.awaitEnd(parked, Duration.ofSeconds(20));
                assertThat(job.state()).isEqualTo(JobState.PARKED);
                assertThat(job.failedStep().name()).isEqualTo("RESEARCH");
                assertThat(job.failureReason()).contains("no valid brief from any writer: openai after 3 attempt(s)")
                        .contains("topic: required property 'topic' not found");
                assertThat(views.describe(parked).writerCalls()).hasSize(3);
            }
        }
    }

    private static void channel(Path channels, String id, String writer) throws Exception {
        Files.writeString(channels.resolve(id + ".yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                .replace("id: quick", "id: " + id) + "signals: quick.yaml\n" + writer + "\n");
    }
}
