package io.cutline.distribution.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutline.distribution.StoredUploadSession;
import io.cutline.emulator.Fault;
import io.cutline.emulator.YouTubeChannel;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LedgerDatabase;
import io.cutline.ledger.Publication;
import io.cutline.ledger.PublicationLedger;
import io.cutline.model.PermanentFailure;
import io.cutline.model.Render;
import io.cutline.provider.ProviderUnavailableException;
import io.cutline.support.EmulatedProviders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YouTube publisher against the emulator's Data API v3: a whole upload in 256 KiB chunks with its
 * metadata and thumbnail; a 5xx and a connection cut off mid-chunk, resumed from the session's Range
 * (no byte sent twice); an attempt that gives up mid-upload and a "restarted service" (new publisher,
 * ledger reopened) that resumes the same session; a lost reply on the last chunk and, with the
 * session gone too, the marker search: one video each time; processing waited for, failed, or never
 * ending in time (a retry checks again, uploading nothing); 401 and early token refresh; quota exceeded.
 */
class YouTubePublisherContractTest {

    @RegisterExtension
    static final EmulatedProviders PROVIDERS = new EmulatedProviders(21,
            Map.of("cutline.distribution.youtube.adapter", YouTubePublisher.class.getName()));

    /** A bit under four chunks of 256 KiB: three whole chunks and a short last one. */
    private static final int SIZE = 1_000_000;

    @TempDir
    Path dir;

    @AfterEach
    void tokensLastAnHourAndVideosProcessAtOnceAgain() {
        youtube().tokenLifetime(Duration.ofHours(1));
        youtube().listsBeforeProcessed(0);
    }

    @Test
    void aShortIsUploadedInChunksWithItsMetadataAndThumbnail() throws Exception {
        String job = UUID.randomUUID().toString();
        long bytesBefore = youtube().bytesReceived();
        MemoryUploadSession session = new MemoryUploadSession(youtube()::bytesReceived);
        String location = publisher().publish(render(job, 1080, 1920), metadata(job, 1080, 1920, null), session);

        ObjectNode video = onlyVideoOf(job);
        assertThat(location).isEqualTo("https://www.youtube.com/watch?v=" + video.path("id").asText());
        assertThat(session.bytesWhenSaved()).as("session URI saved before the first byte").isEqualTo(bytesBefore);
        assertThat(youtube().bytesReceived() - bytesBefore).isEqualTo(SIZE);
        JsonNode snippet = video.path("snippet");
        assertThat(snippet.path("title").asText()).isEqualTo("Why ‹rates› move");
        assertThat(snippet.path("description").asText()).isEqualTo("Three reasons.\n\n#Shorts");
        assertThat(snippet.path("tags")).extracting(JsonNode::asText).containsExactly("cutline-" + job, "finance", "rates");
        assertThat(snippet.path("categoryId").asText()).isEqualTo("22");
        assertThat(snippet.path("defaultLanguage").asText()).isEqualTo("en");
        JsonNode status = video.path("status");
        assertThat(status.path("privacyStatus").asText()).isEqualTo("private");
        assertThat(status.path("selfDeclaredMadeForKids").asBoolean(true)).isFalse();
        assertThat(status.path("containsSyntheticMedia").asBoolean()).isTrue();
        assertThat(status.has("publishAt")).isFalse();
        assertThat(youtube().thumbnailsSet(video.path("id").asText())).isEqualTo(1);
    }

    @Test
    void aScheduledHorizontalVideoIsPrivateUntilPublishAtAndNotAShort() throws Exception {
        String job = UUID.randomUUID().toString();
        Instant at = Instant.parse("2027-01-15T17:00:00Z");
        publisher().publish(render(job, 1920, 1080), metadata(job, 1920, 1080, at), new MemoryUploadSession(youtube()::bytesReceived));
        ObjectNode video = onlyVideoOf(job);
        assertThat(video.path("status").path("publishAt").asText()).isEqualTo(at.toString());
        assertThat(video.path("status").path("privacyStatus").asText()).isEqualTo("private");
        assertThat(video.path("snippet").path("description").asText()).doesNotContain("#Shorts");
    }

    @Test
    void serverErrorsMidUploadResumeFromTheBytesReceived() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().pass("youtube-upload", 1);
        PROVIDERS.emulator().faults().queue("youtube-upload", new Fault(Fault.Kind.SERVER_ERROR, 503, 0, 0), 2);
        long bytesBefore = youtube().bytesReceived();
        publisher().publish(render(job, 1080, 1920), metadata(job, 1080, 1920, null), new MemoryUploadSession(youtube()::bytesReceived));
        onlyVideoOf(job);
        assertThat(youtube().bytesReceived() - bytesBefore).as("no byte sent twice").isEqualTo(SIZE);
    }

    @Test
    void aChunkCutOffHalfwayResumesFromTheLastByteReceived() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().pass("youtube-upload", 1);
        PROVIDERS.emulator().faults().queue("youtube-upload", Fault.of(Fault.Kind.CUT_OFF), 1);
        long bytesBefore = youtube().bytesReceived();
        publisher().publish(render(job, 1080, 1920), metadata(job, 1080, 1920, null), new MemoryUploadSession(youtube()::bytesReceived));
        onlyVideoOf(job);
        assertThat(youtube().bytesReceived() - bytesBefore).as("no byte sent twice").isEqualTo(SIZE);
    }

    @Test
    void aRestartedServiceResumesTheSameSessionFromTheLedger() throws Exception {
        String job;
        Path database = dir.resolve("ledger");
        LedgerDatabase ledger = ledger(database);
        JobLedger jobs = new JobLedger(ledger.jdbc(), Clock.systemUTC(), "node-a", Duration.ofMinutes(1));
        job = jobs.create("quick", null, null, "api").job().id();
        new PublicationLedger(ledger.jdbc(), Clock.systemUTC()).begin(job, "youtube", Publication.LONG_VIDEO);
        int sessionsBefore = youtube().sessionsOpened();
        long bytesBefore = youtube().bytesReceived();
        PROVIDERS.emulator().faults().pass("youtube-upload", 2);
        PROVIDERS.emulator().faults().queue("youtube-upload", new Fault(Fault.Kind.SERVER_ERROR, 503, 0, 0), 10);
        Render render = render(job, 1080, 1920);
        assertThatThrownBy(() -> publisher().publish(render, metadata(job, 1080, 1920, null),
                new StoredUploadSession(new PublicationLedger(ledger.jdbc(), Clock.systemUTC()), job, "youtube", Publication.LONG_VIDEO)))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(youtube().bytesReceived() - bytesBefore).isEqualTo(2 * 256 * 1024);
        ledger.stop();
        PROVIDERS.emulator().faults().clear();

        LedgerDatabase reopened = ledger(database);
        try {
            PublicationLedger publications = new PublicationLedger(reopened.jdbc(), Clock.systemUTC());
            assertThat(publications.uploadSession(job, "youtube", Publication.LONG_VIDEO)).isPresent();
            publisher().publish(render, metadata(job, 1080, 1920, null), new StoredUploadSession(publications, job, "youtube", Publication.LONG_VIDEO));
        } finally {
            reopened.stop();
        }
        onlyVideoOf(job);
        assertThat(youtube().sessionsOpened() - sessionsBefore).as("the same session resumed").isEqualTo(1);
        assertThat(youtube().bytesReceived() - bytesBefore).as("no byte sent twice").isEqualTo(SIZE);
    }

    @Test
    void aLostReplyOnTheLastChunkIsAskedAboutNotUploadedAgain() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().queue("youtube-finish", Fault.of(Fault.Kind.LOST_REPLY), 1);
        int sessionsBefore = youtube().sessionsOpened();
        String location = publisher().publish(render(job, 1080, 1920), metadata(job, 1080, 1920, null), new MemoryUploadSession(youtube()::bytesReceived));
        assertThat(location).endsWith(onlyVideoOf(job).path("id").asText());
        assertThat(youtube().sessionsOpened() - sessionsBefore).isEqualTo(1);
    }

    @Test
    void aLostReplyWithTheSessionGoneIsFoundByTheJobsMarker() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().queue("youtube-finish", Fault.of(Fault.Kind.LOST_REPLY), 1);
        PROVIDERS.emulator().faults().pass("youtube-upload", 3);
        PROVIDERS.emulator().faults().queue("youtube-upload", new Fault(Fault.Kind.SERVER_ERROR, 503, 0, 0), 10);
        MemoryUploadSession session = new MemoryUploadSession(youtube()::bytesReceived);
        Render render = render(job, 1080, 1920);
        assertThatThrownBy(() -> publisher().publish(render, metadata(job, 1080, 1920, null), session))
                .isInstanceOf(ProviderUnavailableException.class);
        PROVIDERS.emulator().faults().clear();
        youtube().forgetSessions();
        int sessionsBefore = youtube().sessionsOpened();

        String location = publisher().publish(render, metadata(job, 1080, 1920, null), session);
        assertThat(location).endsWith(onlyVideoOf(job).path("id").asText());
        assertThat(youtube().sessionsOpened()).as("no new upload").isEqualTo(sessionsBefore);
        assertThat(session.handle()).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefreshedOn401AndBeforeItExpires() throws Exception {
        String job = UUID.randomUUID().toString();
        Publisher publisher = publisher();
        int tokensBefore = youtube().tokensIssued();
        PROVIDERS.emulator().faults().pass("youtube-upload", 1);
        PROVIDERS.emulator().faults().queue("youtube-upload", Fault.of(Fault.Kind.UNAUTHORIZED), 1);
        publisher.publish(render(job, 1080, 1920), metadata(job, 1080, 1920, null), new MemoryUploadSession(youtube()::bytesReceived));
        onlyVideoOf(job);
        assertThat(youtube().tokensIssued() - tokensBefore).as("the first token and one after the 401").isEqualTo(2);

        youtube().tokenLifetime(Duration.ofSeconds(301));
        Publisher early = publisher();
        String second = UUID.randomUUID().toString();
        early.publish(render(second, 1080, 1920), metadata(second, 1080, 1920, null), new MemoryUploadSession(youtube()::bytesReceived));
        int afterSecond = youtube().tokensIssued();
        Thread.sleep(1100);
        String third = UUID.randomUUID().toString();
        early.publish(render(third, 1080, 1920), metadata(third, 1080, 1920, null), new MemoryUploadSession(youtube()::bytesReceived));
        assertThat(youtube().tokensIssued() - afterSecond).as("refreshed 300 s before expiry, without a 401").isEqualTo(1);
    }

    @Test
    void aVideoStillProcessingIsWaitedFor() throws Exception {
        String job = UUID.randomUUID().toString();
        youtube().listsBeforeProcessed(3);
        assertThat(publisher().publish(render(job, 1080, 1920), metadata(job, 1080, 1920, null), new MemoryUploadSession(youtube()::bytesReceived)))
                .endsWith(onlyVideoOf(job).path("id").asText());
    }

    @Test
    void processingFailedIsAFailureWithYouTubesReason() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().queue("youtube", Fault.of(Fault.Kind.FAILED), 1);
        assertThatThrownBy(() -> publisher().publish(render(job, 1080, 1920), metadata(job, 1080, 1920, null), new MemoryUploadSession(youtube()::bytesReceived)))
                .isInstanceOf(PermanentFailure.class).hasMessageEndingWith(" is failed (codec)");
    }

    @Test
    void aVideoNeverProcessedFailsInTimeAndARetryChecksAgainWithoutUploading() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().queue("youtube", Fault.of(Fault.Kind.NEVER_LIVE), 1);
        MemoryUploadSession session = new MemoryUploadSession(youtube()::bytesReceived);
        Render render = render(job, 1080, 1920);
        long bytesBefore = youtube().bytesReceived();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> publisher().publish(render, metadata(job, 1080, 1920, null), session))
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("not processed within 1 s (still uploaded)");
        }
        onlyVideoOf(job);
        assertThat(youtube().bytesReceived() - bytesBefore).isEqualTo(SIZE);
    }

    @Test
    void quotaExceededIsAPermanentFailureNamingTheReason() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().queue("youtube", Fault.of(Fault.Kind.QUOTA_EXCEEDED), 1);
        MemoryUploadSession session = new MemoryUploadSession(youtube()::bytesReceived);
        assertThatThrownBy(() -> publisher().publish(render(job, 1080, 1920), metadata(job, 1080, 1920, null), session))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("youtube: refused with HTTP 403: quotaExceeded");
        assertThat(session.handle()).isEmpty();
        assertThat(videosOf(job)).isEmpty();
    }

    private static Publisher publisher() {
        return PROVIDERS.adapter("cutline.distribution", "youtube", Publisher.class);
    }

    private static YouTubeChannel youtube() {
        return PROVIDERS.emulator().youtube();
    }

    private static List<ObjectNode> videosOf(String job) {
        return youtube().videos().stream()
                .filter(video -> video.path("snippet").path("tags").path(0).asText().equals("cutline-" + job)).toList();
    }

    private static ObjectNode onlyVideoOf(String job) {
        List<ObjectNode> videos = videosOf(job);
        assertThat(videos).as("videos of job " + job).hasSize(1);
        return videos.get(0);
    }

    private static LedgerDatabase ledger(Path file) {
        return new LedgerDatabase("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "", 2);
    }

    private Render render(String job, int width, int height) throws Exception {
        byte[] bytes = new byte[SIZE];
        new Random(job.hashCode()).nextBytes(bytes);
        Path video = Files.write(dir.resolve(job + ".mp4"), bytes);
        Path thumbnail = Files.write(dir.resolve(job + ".jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16});
        return new Render(job, width + "x" + height, video.toString(), width, height, 30.0, thumbnail.toString());
    }

    private static PostMetadata metadata(String job, int width, int height, Instant publishAt) {
        return new PostMetadata(job, "quick", "youtube", "en", "Why <rates> move", "Three reasons.", List.of("#finance", "#rates"),
                30.0, width, height, true, publishAt, 0);
    }
}
