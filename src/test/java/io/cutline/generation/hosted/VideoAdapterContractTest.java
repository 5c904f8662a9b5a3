package io.cutline.generation.hosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.cutline.emulator.Fault;
import io.cutline.generation.clip.ClipRequest;
import io.cutline.media.CorruptMediaException;
import io.cutline.media.MediaInfo;
import io.cutline.provider.ProviderUnavailableException;
import io.cutline.provider.RateLimitedException;
import io.cutline.support.EmulatedProviders;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each hosted video adapter against the emulator's wire protocol: success, 429 with Retry-After,
 * 5xx, a task that ends FAILED, a timeout, a corrupt download and a lost reply.
 */
class VideoAdapterContractTest {

    /** A patient gateway (the emulator renders a clip on its first download); the late-reply case uses its own. */
    @RegisterExtension
    static final EmulatedProviders PROVIDERS = new EmulatedProviders(11, java.util.Map.of("cutline.providers.response-timeout-ms", "15000"));

    @TempDir
    Path dir;

    static HostedGenerator adapter(String provider) {
        return PROVIDERS.adapter("cutline.generation", provider, HostedGenerator.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runway", "luma", "veo", "kling", "fal"})
    void aClipIsMadePolledAndDownloaded(String provider) {
        HostedGenerator adapter = adapter(provider);
        ClipRequest request = request(provider, "success");
        long before = billed(provider);
        String handle = adapter.submit(request, key(provider, "success"));
        assertThat(adapter.status(handle).phase()).isEqualTo(TaskStatus.Phase.WORKING);
        TaskStatus done = until(adapter, handle);
        assertThat(done.phase()).isEqualTo(TaskStatus.Phase.SUCCEEDED);
        Path clip = dir.resolve("clip.mp4");
        adapter.download(done, clip);
        MediaInfo info = PROVIDERS.probe().probe(clip);
        assertThat(info.durationSeconds()).isCloseTo(5.0, within(0.05));
        assertThat(info.video()).hasValueSatisfying(video -> {
            assertThat(video.width()).isEqualTo(720);
            assertThat(video.height()).isEqualTo(1280);
        });
        assertThat(billed(provider)).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runway", "luma", "veo", "kling", "fal"})
    void aRateLimitIsNotBilledAndSaysWhenToComeBack(String provider) {
        PROVIDERS.emulator().faults().queue(provider, new Fault(Fault.Kind.RATE_LIMIT, 0, 3, 0), 1);
        long before = billed(provider);
        assertThatThrownBy(() -> adapter(provider).submit(request(provider, "limited"), key(provider, "limited")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
        assertThat(billed(provider)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runway", "luma", "veo", "kling", "fal"})
    void aServerErrorIsAnUnknownOutcomeThatLookupResolvesAsNotSent(String provider) {
        PROVIDERS.emulator().faults().queue(provider, new Fault(Fault.Kind.SERVER_ERROR, 503, 0, 0), 1);
        HostedGenerator adapter = adapter(provider);
        Instant sent = Instant.now();
        String key = key(provider, "busy");
        assertThatThrownBy(() -> adapter.submit(request(provider, "busy"), key))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.requestSent()).isTrue());
        if (adapter.canLookUp()) {
            assertThat(adapter.lookUp(request(provider, "busy"), key, sent)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"runway", "luma", "veo", "kling", "fal"})
    void aTaskThatFailsSaysSo(String provider) {
        PROVIDERS.emulator().faults().queue(provider, Fault.of(Fault.Kind.FAILED), 1);
        HostedGenerator adapter = adapter(provider);
        String handle = adapter.submit(request(provider, "doomed"), key(provider, "doomed"));
        TaskStatus end = until(adapter, handle);
        assertThat(end.phase()).isEqualTo(TaskStatus.Phase.FAILED);
        assertThat(end.failure()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"runway", "luma", "veo", "kling", "fal"})
    void aLostReplyOrATimeoutIsFoundAgainWhereTheProviderAllows(String provider) {
        for (Fault fault : new Fault[] {Fault.of(Fault.Kind.LOST_REPLY), new Fault(Fault.Kind.TIMEOUT, 0, 0, 4000)}) {
            PROVIDERS.emulator().faults().queue(provider, fault, 1);
            // a gateway that gives up after 1 s: the late answer comes after 4 s, and nothing here downloads a video
            HostedGenerator adapter = PROVIDERS.adapter("cutline.generation", provider, HostedGenerator.class, Duration.ofSeconds(1));
            String name = "lost-" + fault.kind();
            String key = key(provider, name);
            long before = billed(provider);
            Instant sent = Instant.now();
            assertThatThrownBy(() -> adapter.submit(request(provider, name), key))
                    .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.requestSent()).isTrue());
            assertThat(billed(provider)).as("the lost submission was billed").isEqualTo(before + 1);
            if (adapter.canLookUp()) {
                Optional<String> found = adapter.lookUp(request(provider, name), key, sent);
                assertThat(found).as("%s finds the submission by our key", provider).isPresent();
                assertThat(until(adapter, found.get()).phase()).isEqualTo(TaskStatus.Phase.SUCCEEDED);
            } else {
                assertThatThrownBy(() -> adapter.lookUp(request(provider, name), key, sent))
                        .isInstanceOf(UnsupportedOperationException.class);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"runway", "luma", "veo", "kling", "fal"})
    void aClipStartsFromAnImageWhereTheProviderTakesOneAndABrokenImageIsRefused(String provider) throws Exception {
        HostedGenerator adapter = adapter(provider);
        assertThat(adapter.takesFirstFrame()).isEqualTo(provider.equals("runway") || provider.equals("veo"));
        if (!adapter.takesFirstFrame()) {
            return;
        }
        Path image = dir.resolve("opening.png");
        io.cutline.support.Probe.run(java.util.List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "color=c=orange:s=64x64", "-frames:v", "1", image.toString()));
        ClipRequest base = request(provider, "from-image");
        ClipRequest fromImage = new ClipRequest(base.prompt(), base.seconds(), base.width(), base.height(), base.fps(), base.seed(),
                io.cutline.generation.clip.FirstFrame.of(image));
        TaskStatus done = until(adapter, adapter.submit(fromImage, key(provider, "from-image")));
        assertThat(done.phase()).isEqualTo(TaskStatus.Phase.SUCCEEDED);

        Path notAnImage = Files.writeString(dir.resolve("broken.png"), "this is text, not a picture");
        ClipRequest broken = new ClipRequest(base.prompt(), base.seconds(), base.width(), base.height(), base.fps(), base.seed(),
                io.cutline.generation.clip.FirstFrame.of(notAnImage));
        assertThatThrownBy(() -> adapter.submit(broken, key(provider, "broken-image")))
                .isInstanceOf(io.cutline.provider.ProviderRejectedException.class).hasMessageContaining("HTTP 400");
    }

    @org.junit.jupiter.api.Test
    void klingRefusingAKeyItAlreadyHasMeansThatSubmissionLandedAndItIsAdoptedNotPaidAgain() {
        HostedGenerator adapter = adapter("kling");
        String key = key("kling", "twice");
        long before = billed("kling");
        String first = adapter.submit(request("kling", "twice"), key);
        assertThat(adapter.submit(request("kling", "twice"), key)).isEqualTo(first);
        assertThat(billed("kling")).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runway", "luma", "veo", "kling", "fal"})
    void aCorruptDownloadIsNotAClip(String provider) {
        PROVIDERS.emulator().faults().queue(provider, Fault.of(Fault.Kind.CORRUPT), 1);
        HostedGenerator adapter = adapter(provider);
        TaskStatus done = until(adapter, adapter.submit(request(provider, "corrupt"), key(provider, "corrupt")));
        Path clip = dir.resolve("corrupt.mp4");
        adapter.download(done, clip);
        assertThatThrownBy(() -> PROVIDERS.probe().probe(clip)).isInstanceOf(CorruptMediaException.class);
    }

    private static TaskStatus until(HostedGenerator adapter, String handle) {
        for (int i = 0; i < 50; i++) {
            TaskStatus status = adapter.status(handle);
            if (status.phase() != TaskStatus.Phase.WORKING) {
                return status;
            }
        }
        throw new AssertionError("still working after 50 polls");
    }

    private static ClipRequest request(String provider, String name) {
        return new ClipRequest("a " + name + " cat on a " + provider + " roof", 5, 720, 1280, 30, 42);
    }

    private static String key(String provider, String name) {
        return provider + "-" + name + "-" + System.nanoTime();
    }

    private static long billed(String provider) {
        var account = PROVIDERS.emulator().billing().accounts().get(provider);
        return account == null ? 0 : account.billable();
    }

    @ParameterizedTest
    @ValueSource(strings = {"runway", "luma", "veo", "kling", "fal"})
    void anErrorPageQuotingTheKeyIsReportedWithoutIt(String provider) {
        PROVIDERS.emulator().faults().queue(provider, Fault.of(Fault.Kind.LEAKY_ERROR), 1);
        String key = System.getenv(EmulatedProviders.KEY_VARIABLE);
        assertThatThrownBy(() -> adapter(provider).submit(request(provider, "leaky"), key(provider, "leaky")))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("***").satisfies(e -> assertThat(e.getMessage()).doesNotContain(key));
    }
}
