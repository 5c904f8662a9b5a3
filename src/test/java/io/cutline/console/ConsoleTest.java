package io.cutline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.job.JobRequest;
import io.cutline.ledger.JobState;
import io.cutline.support.Await;
import io.cutline.support.Chromium;
import io.cutline.support.HostedSettings;
import io.cutline.support.Http;
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator console on a live service with one finished job (clips paid for at the emulated
 * Luma, so there are costs to chart) and one parked job: the page in a real headless Chromium, its
 * static files' safety, and the media endpoints its player uses. The browser's screenshot is kept
 * at {@code target/console/console.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleTest {

    static final Path SCREENSHOT = Path.of("target", "console", "console.png");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private ProviderEmulator emulator;
    private TestService service;
    private Http api;
    private String base;
    private String finished;
    private String parked;

    @BeforeAll
    void aServiceWithAFinishedAndAParkedJob() throws Exception {
        Path root = TestService.newRoot("console");
        emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 5);
        emulator.timing("luma", Duration.ofMillis(200), 1);
        int port = TestService.freePort();
        Map<String, String> settings = HostedSettings.emulated(emulator);
        settings.putAll(TestService.withApi(port));
        settings.put("cutline.channels.dir", HostedSettings.quickChannelOn(root, "luma").toString());
        settings.put("cutline.signals.dir", "src/test/resources/signals");
        service = new TestService(root, settings).start();
        api = new Http(port);
        base = "http://127.0.0.1:" + port;
        finished = service.submit("quick");
        parked = service.submit(new JobRequest("quick", "A topic the signals know nothing about", null, "test")).job().id();
        assertThat(service.awaitEnd(parked, Duration.ofMinutes(1)).state()).isEqualTo(JobState.PARKED);
        assertThat(service.awaitEnd(finished, Duration.ofMinutes(3)).state()).isEqualTo(JobState.DONE);
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void theConsoleListsBothJobsShowsTheFinishedOneAndRetriesTheParkedOne() throws Exception {
        try (Chromium browser = Chromium.start(service.root(), 1280, 1400)) {
            browser.open(base + "/");
            assertThat(browser.eval("document.getElementById('console').hidden").asBoolean()).as("nothing shown before a token").isTrue();
            browser.eval("document.getElementById('token').value = " + json.writeValueAsString(Http.TOKEN)
                    + "; document.getElementById('connect').click(); true");
            browser.waitFor("both jobs listed", "document.querySelector('#jobs-done [data-job-id=\"" + finished + "\"]')"
                    + " && document.querySelector('#jobs-parked [data-job-id=\"" + parked + "\"] button.retry')", Duration.ofSeconds(30));
            assertThat(browser.eval("sessionStorage.getItem('cutline.token')").asText()).isEqualTo(Http.TOKEN);
            String parkedItem = browser.eval("document.querySelector('[data-job-id=\"" + parked + "\"]').textContent").asText();
            assertThat(parkedItem).contains("Parked at RESEARCH: ", "no signal matches topic", "Retry").doesNotContain("RESEARCH: RESEARCH");

            browser.eval("document.querySelector('[data-job-id=\"" + finished + "\"] button.open').click(); true");
            browser.waitFor("the finished job's video playable", "[...document.querySelectorAll('#job-video video.player')]"
                    + ".some(video => video.src.startsWith('blob:') && video.readyState >= 1 && video.duration > 1)", Duration.ofSeconds(30));
            int scenes = api.get("/api/jobs/" + finished).body().path("scenes").size();
            browser.waitFor("a thumbnail per scene", "[...document.querySelectorAll('#job-scenes video.thumb')]"
                    + ".filter(video => video.src.startsWith('blob:') && video.readyState >= 1).length === " + scenes, Duration.ofSeconds(30));
            browser.waitFor("the cost chart", "window.Chart && Chart.getChart('cost-chart')?.data.datasets.some(set => set.label === 'luma')",
                    Duration.ofSeconds(10));
            assertThat(browser.eval("document.getElementById('costs-total').textContent").asText()).startsWith("Total $");
            assertThat(browser.eval("document.getElementById('status').className").asText()).as("no refresh failed").isEqualTo("ok");
            assertThat(browser.eval("document.querySelector('[data-channel=\"quick\"]').textContent").asText())
                    .as("the feedback loop's one arm, nothing measured yet").contains("channel-format", "next brief: channel-format")
                    .contains("no topic keyword learned yet");

            browser.eval("document.querySelector('[data-job-id=\"" + parked + "\"] button.retry').click(); true");
            browser.waitFor("the retry accepted", "document.getElementById('status').dataset.code === 'retry-accepted'", Duration.ofSeconds(30));
            assertThat(browser.eval("document.getElementById('status').textContent").asText()).contains("accepted: RUNNING at RESEARCH, attempt 2");
            Await.until("the parked job worked again", Duration.ofSeconds(30),
                    () -> api.get("/api/jobs/" + parked).body().path("attempt").asInt() == 2);
            browser.screenshot(SCREENSHOT);
            assertThat(browser.pageErrors()).as("errors the page logged (CSP refusals among them)").isEmpty();
        }
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
    }

    @Test
    void staticFilesCarryAStrictPolicyTheirTypesAndNothingOutsideTheConsoleFolder() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).as("the page needs no token").isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("style=", "<style", "//");

        Map<String, String> types = Map.of("console.js", "text/javascript; charset=utf-8", "console.css", "text/css; charset=utf-8",
                "chart.umd.min.js", "text/javascript; charset=utf-8", "chart.js-LICENSE.md", "text/markdown; charset=utf-8");
        for (var file : types.entrySet()) {
            HttpResponse<String> answer = get("/console/" + file.getKey(), null);
            assertThat(answer.statusCode()).as(file.getKey()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).as(file.getKey()).hasValue(file.getValue());
            assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValue(policy);
        }
        assertThat(get("/console/chart.js-LICENSE.md", null).body()).contains("MIT License");

        List<String> escapes = List.of("/console/..%2Fopenapi.json", "/console/%2e%2e%2fopenapi.json", "/console/%2E%2E%2F%2E%2E%2Fpom.xml",
                "/console/..%2F..%2Fconfig%2Fapplication.properties", "/console/..%5Copenapi.json", "/console/.hidden.js",
                "/console/openapi.json", "/console/log4j2.properties", "/console/index.html%00.js", "/console/%2Fetc%2Fpasswd",
                "/console/../../etc/passwd", "/console/io/cutline/console/ConsoleFiles.class", "/console/nothing.js");
        for (String escape : escapes) {
            HttpResponse<String> answer = get(escape, null);
            assertThat(answer.statusCode()).as(escape).isEqualTo(404);
            assertThat(answer.body()).as(escape).doesNotContain("openapi\"", "cutline.", "root:", "<project", "rootLogger");
        }
    }

    @Test
    void aJobsMediaIsServedWholeOrByRangeToATokenOnly() throws Exception {
        JsonNode job = api.get("/api/jobs/" + finished).body();
        JsonNode render = job.path("renders").get(0);
        String video = "/api/jobs/" + finished + "/renders/" + render.path("rendition").asText() + "/video";
        HttpResponse<byte[]> whole = bytes(video, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        Path copy = Files.write(service.root().resolve("served.mp4"), whole.body());
        assertThat(Files.mismatch(copy, Path.of(render.path("path").asText()))).as("the rendition's own bytes").isEqualTo(-1);
        assertThat(Probe.duration(copy)).isCloseTo(render.path("seconds").asDouble(), org.assertj.core.data.Offset.offset(0.1));
        int length = whole.body().length;

        HttpResponse<byte[]> first = bytes(video, "bytes=0-99");
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + length);
        assertThat(first.body()).isEqualTo(Arrays.copyOf(whole.body(), 100));
        HttpResponse<byte[]> tail = bytes(video, "bytes=-10");
        assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes " + (length - 10) + "-" + (length - 1) + "/" + length);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole.body(), length - 10, length));
        HttpResponse<byte[]> past = bytes(video, "bytes=" + length + "-");
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(past.headers().firstValue("Content-Range")).hasValue("bytes */" + length);
        assertThat(new String(past.body())).contains("outside the file");

        HttpResponse<byte[]> thumbnail = bytes("/api/jobs/" + finished + "/renders/" + render.path("rendition").asText() + "/thumbnail", null);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(Arrays.copyOf(thumbnail.body(), 2)).isEqualTo(new byte[] {(byte) 0xFF, (byte) 0xD8});
        String key = job.path("scenes").get(0).path("clips").get(0).path("key").asText();
        HttpResponse<byte[]> clip = bytes("/api/jobs/" + finished + "/clips/" + key, null);
        assertThat(clip.statusCode()).isEqualTo(200);
        assertThat(clip.headers().firstValue("Content-Type")).hasValue("video/mp4");

        assertThat(bytes("/api/jobs/" + parked + "/clips/" + key, null).statusCode()).as("another job's clip").isEqualTo(404);
        assertThat(bytes("/api/jobs/" + finished + "/renders/..%2F..%2Fledger/video", null).statusCode()).isEqualTo(404);
        assertThat(bytes("/api/jobs/" + finished + "/clips/..%2F..%2Fledger.mv.db", null).statusCode()).isEqualTo(404);
        assertThat(bytes("/api/jobs/00000000-0000-0000-0000-000000000000/renders/x/video", null).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> anonymous = client.send(HttpRequest.newBuilder(URI.create(base + video)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).as("no token").isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String range) throws Exception {
        return client.send(request(path, range).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> bytes(String path, String range) throws Exception {
        return client.send(request(path, range).header("Authorization", "Bearer " + Http.TOKEN).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path, String range) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (range != null) {
            request.header("Range", range);
        }
        return request;
    }
}
