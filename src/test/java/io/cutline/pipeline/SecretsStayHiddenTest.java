package io.cutline.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.cutline.emulator.Fault;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.support.Await;
import io.cutline.support.HostedSettings;
import io.cutline.support.Http;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recognisable secrets (the providers' key, the API token, the database password) go through jobs on
 * every hosted video, voice and LLM writer provider while the providers fail in every way they do — one of them
 * with an error page that quotes back the credentials it was sent — and none of the secrets appears
 * in a log line, an API answer, a ledger table or an outbox file.
 */
class SecretsStayHiddenTest {

    private static final String DATABASE_PASSWORD = "db-password-SECRET-5d21c0";
    private static final List<String> VIDEO = List.of("runway", "luma", "veo", "kling", "fal");
    private static final List<String> WRITERS = List.of("openai-chat", "anthropic");

    @Test
    void noSecretReachesALogAnAnswerTheLedgerOrTheOutbox() throws Exception {
        String providerKey = System.getenv("CUTLINE_TEST_API_KEY");
        List<String> secrets = List.of(providerKey, Http.TOKEN, DATABASE_PASSWORD);
        assertThat(secrets).allSatisfy(secret -> assertThat(secret).contains("SECRET"));
        Path root = TestService.newRoot("secrets");
        int port = TestService.freePort();
        List<String> answers = new ArrayList<>();
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, providerKey, 23)) {
            for (String provider : Stream.concat(VIDEO.stream(), Stream.of("elevenlabs", "openai")).toList()) {
                emulator.faults().queue(provider, Fault.of(Fault.Kind.LEAKY_ERROR), 1);
                emulator.faults().queue(provider, new Fault(Fault.Kind.RATE_LIMIT, 0, 0.2, 0), 1);
            }
            for (String writer : WRITERS) {
                emulator.faults().queue(writer, Fault.of(Fault.Kind.LEAKY_ERROR), 1);
                emulator.faults().queue(writer, new Fault(Fault.Kind.RATE_LIMIT, 0, 0.2, 0), 1);
            }
            VIDEO.forEach(provider -> emulator.faults().queue(provider, Fault.of(Fault.Kind.LOST_REPLY), 1));
            Map<String, String> settings = new HashMap<>(HostedSettings.emulated(emulator));
            settings.putAll(TestService.withApi(port));
            settings.put("cutline.channels.dir", channels(root).toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            settings.put("cutline.db.password", DATABASE_PASSWORD);
            settings.put("cutline.providers.response-timeout-ms", "60000");
            settings.put("cutline.jobs.concurrency", "1");
            // three failures in a row would open a provider's circuit, and the quick channels have no fallback
            settings.put("cutline.generation.breaker.minimum-calls", "100");
            settings.put("cutline.generation.runway.unknown-outcome", "resubmit");
            settings.put("cutline.generation.veo.unknown-outcome", "resubmit");
            try (TestService service = new TestService(root, settings).start()) {
                Http api = new Http(port);
                List<String> ids = new ArrayList<>();
                for (String provider : VIDEO) {
                    Http.Answer created = api.post("/api/jobs", "{\"channel\":\"quick-" + provider + "\"}");
                    answers.add(created.raw().body());
                    ids.add(created.body().path("id").asText());
                }
                for (String id : ids) {
                    Await.until("job " + id + " ends", Duration.ofMinutes(4), Duration.ofMillis(500),
                            () -> !api.get("/api/jobs/" + id).body().path("state").asText().equals("RUNNING"));
                    Http.Answer job = api.get("/api/jobs/" + id);
                    answers.add(job.raw().body());
                    assertThat(job.body().path("state").asText()).as(job.raw().body()).isEqualTo("DONE");
                }
                for (String path : List.of("/api/jobs", "/api/costs", "/api/channels", "/observe/metrics")) {
                    answers.add(api.get(path).raw().body());
                }
                answers.add(new Http(port, "not-the-token").get("/api/jobs").raw().body());
                answers.add(api.post("/hooks/luma?rk=nothing&access_token=" + Http.TOKEN, "{}").raw().body());
                String ledger = ledger(service);
                for (String secret : secrets) {
                    assertThat(String.join("\n", answers)).as("API answers").doesNotContain(secret);
                    assertThat(ledger).as("ledger tables").doesNotContain(secret);
                }
                assertThat(emulator.faults().injected()).as("every provider served its leaky error page")
                        .containsKeys(Stream.of(VIDEO, List.of("elevenlabs", "openai"), WRITERS).flatMap(List::stream)
                                .map(provider -> provider + " LEAKY_ERROR").toArray(String[]::new));
            }
        }
        String logs = Files.readString(Path.of(System.getProperty("cutline.log.file")));
        String outbox = outbox(root.resolve("outbox"));
        for (String secret : secrets) {
            assertThat(logs).as("log file").doesNotContain(secret);
            assertThat(outbox).as("outbox files").doesNotContain(secret);
        }
    }

    /** One copy of the quick channel per video provider, voiced by ElevenLabs or OpenAI and written by OpenAI or Anthropic in turn. */
    private static Path channels(Path root) throws Exception {
        Path channels = Files.createDirectories(root.resolve("channels"));
        String quick = Files.readString(Path.of("src/test/resources/channels/quick.yaml"));
        for (int i = 0; i < VIDEO.size(); i++) {
            String provider = VIDEO.get(i);
            Files.writeString(channels.resolve("quick-" + provider + ".yaml"), quick.replace("id: quick", "id: quick-" + provider)
                    .replace("provider: espeak", "provider: " + (i % 2 == 0 ? "elevenlabs" : "openai"))
                    .replace("perVideoUsd: 0", "perVideoUsd: 100").replace("perDayUsd: 0", "perDayUsd: 1000")
                    + "signals: quick.yaml\ngeneration:\n  provider: " + provider + "\n"
                    + "writer: {provider: " + (i % 2 == 0 ? "openai" : "anthropic") + "}\n");
        }
        return channels;
    }

    /** Every row of every ledger table, as text. */
    private static String ledger(TestService service) {
        StringBuilder all = new StringBuilder();
        for (String table : service.jdbc().queryForList(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'", String.class)) {
            service.jdbc().queryForList("SELECT * FROM \"" + table + "\"").forEach(row -> all.append(table).append(row).append('\n'));
        }
        return all.toString();
    }

    private static String outbox(Path outbox) throws Exception {
        if (!Files.isDirectory(outbox)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(outbox)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
