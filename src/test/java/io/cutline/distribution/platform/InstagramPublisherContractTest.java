package io.cutline.distribution.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import io.cutline.emulator.Fault;
import io.cutline.emulator.InstagramAccount;
import io.cutline.model.PermanentFailure;
import io.cutline.model.Render;
import io.cutline.provider.ProviderUnavailableException;
import io.cutline.provider.RateLimitedException;
import io.cutline.support.EmulatedProviders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Instagram publisher against the emulator's Graph API: a reel uploaded (rupload) in chunks and
 * verified by its permalink; one fetched by Instagram from the media base URL; and one test per
 * fault: an expired token (401, refreshed), the publishing limit used up, rate limited, an upload cut
 * off, processing failed (ERROR), a lost reply on every POST, a container that never finishes. Each
 * ends in at most one reel, with no byte sent twice.
 */
class InstagramPublisherContractTest {

    @RegisterExtension
    static final EmulatedProviders PROVIDERS = new EmulatedProviders(29,
            Map.of("cutline.distribution.instagram.adapter", InstagramPublisher.class.getName()));

    /** Three chunks of 1 MiB (the last shorter). */
    private static final int SIZE = 2_500_000;

    @TempDir
    Path dir;

    @AfterEach
    void quotaBack() {
        instagram().quotaTotal(50);
    }

    @Test
    void aReelIsUploadedInChunksAndVerifiedByItsPermalink() throws Exception {
        String job = UUID.randomUUID().toString();
        long bytesBefore = instagram().bytesReceived();
        int containersBefore = instagram().containersCreated();
        MemoryUploadSession session = new MemoryUploadSession(instagram()::bytesReceived);
        String location = publisher().publish(render(job), metadata(job, "Why light bends"), session);

        assertThat(location).as("the permalink, with the media id the insights are asked by")
                .matches("https://www\\.instagram\\.com/reel/EMU[0-9A-Z]+/#18\\d{15}");
        assertThat(session.bytesWhenSaved()).as("container saved before the first byte").isEqualTo(bytesBefore);
        assertThat(instagram().bytesReceived() - bytesBefore).isEqualTo(SIZE);
        assertThat(instagram().containersCreated() - containersBefore).isEqualTo(1);
        assertThat(lastCaption()).isEqualTo("Why light bends\n\nThree reasons.\n\n#light #optics");
    }

    @Test
    void withAMediaBaseUrlInstagramFetchesTheVideoItself() throws Exception {
        HttpServer media = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        media.createContext("/", exchange -> {
            Path file = dir.resolve(exchange.getRequestURI().getPath().substring("/media/".length()));
            byte[] bytes = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        media.start();
        try {
            String job = UUID.randomUUID().toString();
            long bytesBefore = instagram().bytesReceived();
            Publisher fetched = PROVIDERS.adapter("cutline.distribution", "instagram", Publisher.class, Map.of(
                    "media-base-url", "http://127.0.0.1:" + media.getAddress().getPort() + "/media/", "media-dir", dir.toString()));
            String location = fetched.publish(render(job), metadata(job, "Fetched"), new MemoryUploadSession(instagram()::bytesReceived));
            assertThat(location).startsWith("https://www.instagram.com/reel/");
            assertThat(instagram().bytesReceived()).as("nothing uploaded").isEqualTo(bytesBefore);
        } finally {
            media.stop(0);
        }
    }

    @Test
    void aRenderOutsideTheMediaDirectoryHasNoPublicUrl() throws Exception {
        String job = UUID.randomUUID().toString();
        Publisher fetched = PROVIDERS.adapter("cutline.distribution", "instagram", Publisher.class, Map.of(
                "media-base-url", "https://media.example.com/", "media-dir", dir.resolve("media").toString()));
        assertThatThrownBy(() -> fetched.publish(render(job), metadata(job, "Elsewhere"), new MemoryUploadSession(instagram()::bytesReceived)))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("is not under cutline.distribution.instagram.media-dir");
    }

    @Test
    void anExpiredTokenIsRefreshedOn401() throws Exception {
        String job = UUID.randomUUID().toString();
        int refreshedBefore = instagram().tokensRefreshed();
        PROVIDERS.emulator().faults().queue("instagram-limit", Fault.of(Fault.Kind.UNAUTHORIZED), 1);
        assertThat(publisher().publish(render(job), metadata(job, "Token"), new MemoryUploadSession(instagram()::bytesReceived)))
                .startsWith("https://www.instagram.com/reel/");
        assertThat(instagram().tokensRefreshed() - refreshedBefore).isEqualTo(1);
    }

    @Test
    void aUsedUpPublishingLimitIsReadBeforePosting() throws Exception {
        String job = UUID.randomUUID().toString();
        instagram().quotaTotal(instagram().mediaPublished());
        int containersBefore = instagram().containersCreated();
        assertThatThrownBy(() -> publisher().publish(render(job), metadata(job, "Capped"), new MemoryUploadSession(instagram()::bytesReceived)))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("instagram: the publishing limit is reached")
                .hasMessageContaining("reels in 24 h");
        assertThat(instagram().containersCreated()).isEqualTo(containersBefore);
    }

    @Test
    void rateLimitedIsARateLimitAndNothingIsPosted() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().queue("instagram", Fault.of(Fault.Kind.RATE_LIMIT), 1);
        int containersBefore = instagram().containersCreated();
        MemoryUploadSession session = new MemoryUploadSession(instagram()::bytesReceived);
        Render render = render(job);
        assertThatThrownBy(() -> publisher().publish(render, metadata(job, "Slow down"), session))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("Application request limit reached");
        assertThat(instagram().containersCreated()).isEqualTo(containersBefore);
        publisher().publish(render, metadata(job, "Slow down"), session);
        assertThat(instagram().containersCreated() - containersBefore).isEqualTo(1);
    }

    @Test
    void anUploadCutOffResumesFromTheOffsetReached() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().pass("instagram-upload", 1);
        PROVIDERS.emulator().faults().queue("instagram-upload", Fault.of(Fault.Kind.CUT_OFF), 1);
        long bytesBefore = instagram().bytesReceived();
        int containersBefore = instagram().containersCreated();
        publisher().publish(render(job), metadata(job, "Cut off"), new MemoryUploadSession(instagram()::bytesReceived));
        assertThat(instagram().containersCreated() - containersBefore).isEqualTo(1);
        assertThat(instagram().bytesReceived() - bytesBefore).as("no byte sent twice").isEqualTo(SIZE);
    }

    @Test
    void processingFailedNamesInstagramsStatusAndARetryMakesANewContainer() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().queue("instagram", Fault.of(Fault.Kind.FAILED), 1);
        MemoryUploadSession session = new MemoryUploadSession(instagram()::bytesReceived);
        Render render = render(job);
        int reelsBefore = instagram().mediaPublished();
        assertThatThrownBy(() -> publisher().publish(render, metadata(job, "Fails"), session))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("ERROR: Error: 2207026");
        assertThat(session.handle()).isEmpty();
        assertThat(instagram().mediaPublished()).isEqualTo(reelsBefore);
        assertThat(publisher().publish(render, metadata(job, "Fails"), session)).startsWith("https://www.instagram.com/reel/");
    }

    @Test
    void aLostReplyOnEveryPostEndsInOneReel() throws Exception {
        String job = UUID.randomUUID().toString();
        for (String endpoint : List.of("instagram", "instagram-upload", "instagram-publish")) {
            PROVIDERS.emulator().faults().queue(endpoint, Fault.of(Fault.Kind.LOST_REPLY), 1);
        }
        long bytesBefore = instagram().bytesReceived();
        int containersBefore = instagram().containersCreated();
        int reelsBefore = instagram().mediaPublished();
        MemoryUploadSession session = new MemoryUploadSession(instagram()::bytesReceived);
        Render render = render(job);
        assertThatThrownBy(() -> publisher().publish(render, metadata(job, "Lost"), session))
                .as("the container's id never came: an unknown outcome").isInstanceOf(ProviderUnavailableException.class);

        String location = publisher().publish(render, metadata(job, "Lost"), session);
        assertThat(location).startsWith("https://www.instagram.com/reel/");
        assertThat(instagram().containersCreated() - containersBefore).as("the lost one expires unpublished").isEqualTo(2);
        assertThat(instagram().mediaPublished() - reelsBefore).as("published once").isEqualTo(1);
        assertThat(instagram().bytesReceived() - bytesBefore).as("no byte sent twice").isEqualTo(SIZE);
    }

    @Test
    void aPublishedContainerIsFoundAgainNotPublishedTwice() throws Exception {
        String job = UUID.randomUUID().toString();
        MemoryUploadSession session = new MemoryUploadSession(instagram()::bytesReceived);
        Render render = render(job);
        String first = publisher().publish(render, metadata(job, "Once"), session);
        int reels = instagram().mediaPublished();
        assertThat(publisher().publish(render, metadata(job, "Once"), session)).isEqualTo(first);
        assertThat(instagram().mediaPublished()).isEqualTo(reels);
    }

    @Test
    void aContainerThatNeverFinishesFailsInTimeAndARetryAsksAgainWithoutPosting() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().queue("instagram", Fault.of(Fault.Kind.NEVER_LIVE), 1);
        int containersBefore = instagram().containersCreated();
        long bytesBefore = instagram().bytesReceived();
        MemoryUploadSession session = new MemoryUploadSession(instagram()::bytesReceived);
        Render render = render(job);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> publisher().publish(render, metadata(job, "Stuck"), session))
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("not finished within 1 s (still IN_PROGRESS)");
        }
        assertThat(instagram().containersCreated() - containersBefore).isEqualTo(1);
        assertThat(instagram().bytesReceived() - bytesBefore).isEqualTo(SIZE);
    }

    @Test
    void moreThanThirtyHashtagsAreRefusedBeforeUploading() throws Exception {
        String job = UUID.randomUUID().toString();
        int containersBefore = instagram().containersCreated();
        List<String> tags = Collections.nCopies(31, "#light");
        PostMetadata crowded = new PostMetadata(job, "quick", "instagram", "en", "Tags", "", tags, 30.0, 1080, 1920, true, null, 0);
        assertThatThrownBy(() -> publisher().publish(render(job), crowded, new MemoryUploadSession(instagram()::bytesReceived)))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("has 31 hashtags; Instagram takes at most 30");
        assertThat(instagram().containersCreated()).isEqualTo(containersBefore);
    }

    @Test
    void aLongDescriptionIsCutSoTheCaptionFits() throws Exception {
        String job = UUID.randomUUID().toString();
        PostMetadata wordy = new PostMetadata(job, "quick", "instagram", "en", "Wordy", "word ".repeat(600), List.of("#light"), 30.0, 1080,
                1920, true, null, 0);
        publisher().publish(render(job), wordy, new MemoryUploadSession(instagram()::bytesReceived));
        assertThat(lastCaption()).hasSizeLessThanOrEqualTo(2200).startsWith("Wordy\n\nword word").endsWith("\n\n#light");
    }

    private static Publisher publisher() {
        return PROVIDERS.adapter("cutline.distribution", "instagram", Publisher.class);
    }

    private static InstagramAccount instagram() {
        return PROVIDERS.emulator().instagram();
    }

    private static String lastCaption() {
        List<String> captions = instagram().captions();
        return captions.get(captions.size() - 1);
    }

    private Render render(String job) throws Exception {
        return PostFixtures.verticalRender(dir, job, SIZE);
    }

    private static PostMetadata metadata(String job, String title) {
        return PostFixtures.metadata(job, "instagram", title);
    }
}
