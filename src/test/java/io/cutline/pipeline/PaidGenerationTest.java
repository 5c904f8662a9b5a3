package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.emulator.Fault;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.support.HostedSettings;
import io.cutline.support.Http;
import io.cutline.support.TestService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Paid generation through the pipeline: a rate limit, a 503, a task the provider fails, a timeout,
 * a lost reply and failed downloads, and the job still finishes with every clip paid for once. Where the provider
 * cannot be asked about a lost reply (Runway), the job parks and says so, or (by policy) resubmits
 * and counts the possible duplicate exactly as the provider billed it.
 */
class PaidGenerationTest {

    @ParameterizedTest
    @ValueSource(strings = {"kling", "luma", "fal"})
    void faultsIncludingLostRepliesCostNothingTwice(String provider) throws Exception {
        Path root = TestService.newRoot("paid-" + provider);
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 5)) {
            emulator.timing(provider, Duration.ofMillis(300), 2);
            emulator.faults().queue(provider, new Fault(Fault.Kind.RATE_LIMIT, 0, 0.3, 0), 1);
            emulator.faults().queue(provider, Fault.of(Fault.Kind.LOST_REPLY), 1);
            emulator.faults().queue(provider, new Fault(Fault.Kind.SERVER_ERROR, 503, 0, 0), 1);
            emulator.faults().queue(provider, Fault.of(Fault.Kind.FAILED), 1);
            emulator.faults().queue(provider, new Fault(Fault.Kind.TIMEOUT, 0, 0, 3000), 1);
            emulator.faults().queue(provider + "-download", new Fault(Fault.Kind.SERVER_ERROR, 503, 0, 0), 1);
            emulator.faults().queue(provider + "-download", Fault.of(Fault.Kind.LOST_REPLY), 1);
            Map<String, String> settings = HostedSettings.emulated(emulator);
            settings.put("cutline.channels.dir", HostedSettings.quickChannelOn(root, provider).toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            try (TestService service = new TestService(root, settings).start()) {
                String id = service.submit("quick");
                Job job = service.awaitEnd(id, Duration.ofMinutes(3));
                JobView view = service.bean("jobViews", JobViews.class).describe(id);
                assertThat(job.state()).as("%s: %s", provider, job.failureReason()).isEqualTo(JobState.DONE);
                assertThat(view.scenes()).allSatisfy(scene -> assertThat(scene.clips()).allSatisfy(clip -> {
                    assertThat(clip.provider()).isEqualTo(provider);
                    assertThat(clip.state()).isEqualTo("SUCCEEDED");
                }));
                var account = emulator.billing().accounts().get(provider);
                assertThat(account.duplicates()).as("paid duplicates at %s", provider).isZero();
                int clips = view.scenes().stream().mapToInt(scene -> scene.clips().size()).sum();
                assertThat(account.billable()).as("one payment per clip").isEqualTo(clips);
                assertThat(view.gates()).allSatisfy(gate -> assertThat(gate.passed()).isTrue());
                double seconds = view.scenes().stream().flatMap(scene -> scene.plan().clips().stream())
                        .mapToDouble(clip -> clip.seconds()).sum();
                assertThat(view.cost().billedSeconds()).isEqualTo(seconds);
                double price = provider.equals("luma") ? 0.10 : 0.28;
                assertThat(view.cost().usd()).isCloseTo(seconds * price, org.assertj.core.data.Offset.offset(0.001));
                var costs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        service.bean("jobApi", io.cutline.api.JobApi.class).costs("quick", "2020-01-01"));
                assertThat(costs.path("providers").get(0).path("provider").asText()).isEqualTo(provider);
                assertThat(costs.path("totalUsd").asDouble()).isCloseTo(view.cost().usd(), org.assertj.core.data.Offset.offset(0.001));
            }
        }
    }

    @Test
    void aLostReplyFromRunwayParksTheJobUnderTheParkPolicy() throws Exception {
        Path root = TestService.newRoot("paid-runway-park");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 5)) {
            emulator.faults().queue("runway", Fault.of(Fault.Kind.LOST_REPLY), 1);
            Map<String, String> settings = HostedSettings.emulated(emulator);
            settings.put("cutline.channels.dir", HostedSettings.quickChannelOn(root, "runway").toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            try (TestService service = new TestService(root, settings).start()) {
                Job job = service.awaitEnd(service.submit("quick"), Duration.ofMinutes(3));
                assertThat(job.state()).isEqualTo(JobState.PARKED);
                assertThat(job.failureReason()).contains("unknown outcome").contains("runway cannot be asked");
                assertThat(emulator.billing().accounts().get("runway").duplicates()).isZero();
            }
        }
    }

    @Test
    void underTheResubmitPolicyEveryPossibleDuplicateIsReportedAsTheProviderBilledIt() throws Exception {
        Path root = TestService.newRoot("paid-runway-resubmit");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 5)) {
            emulator.faults().queue("runway", Fault.of(Fault.Kind.LOST_REPLY), 2);
            Map<String, String> settings = HostedSettings.emulated(emulator);
            settings.put("cutline.channels.dir", HostedSettings.quickChannelOn(root, "runway").toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            settings.put("cutline.generation.runway.unknown-outcome", "resubmit");
            try (TestService service = new TestService(root, settings).start()) {
                String id = service.submit("quick");
                Job job = service.awaitEnd(id, Duration.ofMinutes(3));
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
                int reported = service.jdbc().queryForObject("SELECT SUM(possible_duplicates) FROM generation_tasks", Integer.class);
                assertThat(reported).isEqualTo(2);
                assertThat(emulator.billing().accounts().get("runway").duplicates()).isEqualTo(reported);
                var meters = service.context().getRegistry().lookupByNameAndType("metricsRegistry",
                        io.micrometer.core.instrument.MeterRegistry.class);
                assertThat(meters.get("cutline.generation.possible.duplicates").tag("provider", "runway").functionCounter().count())
                        .as("the metric shows it, from the ledger").isEqualTo(2.0);
            }
        }
    }

    /**
     * Runway loses a fifth of its create replies after billing them. Under either policy (resubmit at
     * once, or park for the operator, whose retry sends again), what Cutline reports as paid and as
     * possible duplicates is exactly what the provider billed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"resubmit", "park"})
    void withRunwayLosingAFifthOfItsRepliesTheReportedPaymentsAreTheProvidersOwn(String policy) throws Exception {
        Path root = TestService.newRoot("paid-runway-lossy-" + policy);
        int port = TestService.freePort();
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 17)) {
            // the first reply is lost for certain (the first call is a create), then a fifth of them by chance
            emulator.faults().queue("runway", Fault.of(Fault.Kind.LOST_REPLY), 1);
            emulator.faults().sometimes("runway", Fault.of(Fault.Kind.LOST_REPLY), 0.2);
            Map<String, String> settings = HostedSettings.emulated(emulator);
            settings.putAll(TestService.withApi(port));
            settings.put("cutline.channels.dir", HostedSettings.quickChannelOn(root, "runway").toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            settings.put("cutline.generation.runway.unknown-outcome", policy);
            // lost replies in a row would open Runway's circuit, and the quick channel has no fallback
            settings.put("cutline.generation.breaker.minimum-calls", "100");
            try (TestService service = new TestService(root, settings).start()) {
                Http api = new Http(port);
                String id = service.submit("quick");
                Job job = service.awaitEnd(id, Duration.ofMinutes(3));
                for (int retries = 0; job.state() == JobState.PARKED && retries < 12; retries++) {
                    assertThat(job.failureReason()).contains("unknown outcome");
                    assertThat(api.post("/api/jobs/" + id + "/retry", "").status()).isEqualTo(202);
                    job = service.awaitEnd(id, Duration.ofMinutes(3));
                }
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);

                var billed = emulator.billing().accounts().get("runway");
                var costs = api.get("/api/costs?channel=quick").body().path("providers").get(0);
                assertThat(billed.billable()).as("lost replies happened").isGreaterThan(costs.path("clips").asLong());
                assertThat(costs.path("paidSubmissions").asLong()).as("paid, as billed").isEqualTo(billed.billable());
                assertThat(costs.path("possibleDuplicates").asLong()).as("possible duplicates, as billed").isEqualTo(billed.duplicates());
                assertThat(api.get("/api/jobs/" + id).body().path("cost").path("paidSubmissions").asLong()).isEqualTo(billed.billable());
                String metrics = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/observe/metrics")).GET()).raw().body();
                assertThat(metrics).contains("cutline_generation_possible_duplicates_total{provider=\"runway\"} " + billed.duplicates() + ".0");
            }
        }
    }
}
