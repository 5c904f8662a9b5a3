package io.cutline.distribution.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutline.emulator.Fault;
import io.cutline.emulator.TikTokAccount;
import io.cutline.model.PermanentFailure;
import io.cutline.model.Render;
import io.cutline.provider.ProviderUnavailableException;
import io.cutline.support.EmulatedProviders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TikTok publisher against the emulator's Content Posting API: a public post in two chunks; an
 * unaudited app's post made SELF_ONLY; a lost reply on the last chunk and an attempt that gives up
 * mid-upload, each ending in one post (no byte sent twice); processing failed, a post that never goes
 * live, quota exceeded: failures naming TikTok's reason; 401 and a fresh token; a new publisher (a
 * restart) sending the refresh token TikTok rotated to, from the file it was kept in.
 */
class TikTokPublisherContractTest {

    @RegisterExtension
    static final EmulatedProviders PROVIDERS = new EmulatedProviders(23,
            Map.of("cutline.distribution.tiktok.adapter", TikTokPublisher.class.getName()));

    /** Two chunks of 5 MiB by TikTok's rules: 5 MiB, then the rest. */
    private static final int SIZE = 11_000_000;

    @TempDir
    Path dir;

    /** Audited unless a test says otherwise (the emulator starts unaudited, as a new app is). */
    @BeforeEach
    void audited() {
        tiktok().audited(true);
    }

    @Test
    void aPublicPostIsUploadedInChunksAndVerifiedLive() throws Exception {
        String job = UUID.randomUUID().toString();
        long bytesBefore = tiktok().bytesReceived();
        int postsBefore = tiktok().postsInitialized();
        MemoryUploadSession session = new MemoryUploadSession(tiktok()::bytesReceived);
        String location = publisher().publish(render(job), metadata(job, "Why light bends"), session);

        assertThat(location).matches("https://www\\.tiktok\\.com/@emulated_creator/video/\\d+");
        assertThat(session.bytesWhenSaved()).as("publish_id saved before the first byte").isEqualTo(bytesBefore);
        assertThat(tiktok().bytesReceived() - bytesBefore).isEqualTo(SIZE);
        assertThat(tiktok().postsInitialized() - postsBefore).isEqualTo(1);
        ObjectNode post = last();
        assertThat(post.path("title").asText()).isEqualTo("Why light bends\n\nThree reasons.\n\n#light #optics");
        assertThat(post.path("privacy_level").asText()).isEqualTo("PUBLIC_TO_EVERYONE");
        assertThat(post.path("is_aigc").asBoolean()).isTrue();
        assertThat(post.path("status").asText()).isEqualTo("PUBLISH_COMPLETE");
    }

    @Test
    void anUnauditedAppPostsSelfOnly() throws Exception {
        tiktok().audited(false);
        String job = UUID.randomUUID().toString();
        int postsBefore = tiktok().postsInitialized();
        String location = publisher().publish(render(job), metadata(job, "Private light"), new MemoryUploadSession(tiktok()::bytesReceived));
        assertThat(location).startsWith("tiktok:").endsWith("(published, not public)");
        assertThat(tiktok().postsInitialized() - postsBefore).isEqualTo(1);
        assertThat(last().path("privacy_level").asText()).isEqualTo("SELF_ONLY");
    }

    @Test
    void aLostReplyOnTheLastChunkIsAskedAboutNotPostedAgain() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().queue("tiktok-finish", Fault.of(Fault.Kind.LOST_REPLY), 1);
        long bytesBefore = tiktok().bytesReceived();
        int postsBefore = tiktok().postsInitialized();
        publisher().publish(render(job), metadata(job, "Lost reply"), new MemoryUploadSession(tiktok()::bytesReceived));
        assertThat(tiktok().postsInitialized() - postsBefore).isEqualTo(1);
        assertThat(tiktok().bytesReceived() - bytesBefore).as("no byte sent twice").isEqualTo(SIZE);
    }

    @Test
    void aLaterAttemptGoesOnWithTheStoredPost() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().queue("tiktok-finish", new Fault(Fault.Kind.SERVER_ERROR, 503, 0, 0), 10);
        long bytesBefore = tiktok().bytesReceived();
        int postsBefore = tiktok().postsInitialized();
        MemoryUploadSession session = new MemoryUploadSession(tiktok()::bytesReceived);
        Render render = render(job);
        assertThatThrownBy(() -> publisher().publish(render, metadata(job, "Interrupted"), session))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(tiktok().bytesReceived() - bytesBefore).isEqualTo(5 * 1024 * 1024);
        PROVIDERS.emulator().faults().clear();

        String location = publisher().publish(render, metadata(job, "Interrupted"), session);
        assertThat(location).contains("/video/");
        assertThat(tiktok().postsInitialized() - postsBefore).as("the same post").isEqualTo(1);
        assertThat(tiktok().bytesReceived() - bytesBefore).as("no byte sent twice").isEqualTo(SIZE);
    }

    @Test
    void processingFailedIsAFailureWithTikToksReasonAndARetryPostsAgain() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().queue("tiktok", Fault.of(Fault.Kind.FAILED), 1);
        MemoryUploadSession session = new MemoryUploadSession(tiktok()::bytesReceived);
        Render render = render(job);
        assertThatThrownBy(() -> publisher().publish(render, metadata(job, "Fails"), session))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("FAILED: file_format_check_failed");
        assertThat(session.handle()).isEmpty();
        assertThat(publisher().publish(render, metadata(job, "Fails"), session)).contains("/video/");
    }

    @Test
    void aPostThatNeverGoesLiveFailsInTimeAndARetryAsksAgainWithoutPosting() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().queue("tiktok", Fault.of(Fault.Kind.NEVER_LIVE), 1);
        int postsBefore = tiktok().postsInitialized();
        MemoryUploadSession session = new MemoryUploadSession(tiktok()::bytesReceived);
        Render render = render(job);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> publisher().publish(render, metadata(job, "Stuck"), session))
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("not live within 1 s (still PROCESSING_UPLOAD)");
        }
        assertThat(tiktok().postsInitialized() - postsBefore).isEqualTo(1);
    }

    @Test
    void quotaExceededNamesTikToksReason() throws Exception {
        String job = UUID.randomUUID().toString();
        PROVIDERS.emulator().faults().queue("tiktok", Fault.of(Fault.Kind.QUOTA_EXCEEDED), 1);
        int postsBefore = tiktok().postsInitialized();
        assertThatThrownBy(() -> publisher().publish(render(job), metadata(job, "Capped"), new MemoryUploadSession(tiktok()::bytesReceived)))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("tiktok: refused with HTTP 403: spam_risk_too_many_posts");
        assertThat(tiktok().postsInitialized()).isEqualTo(postsBefore);
    }

    @Test
    void anExpiredTokenIsRefreshedOn401WithTheRefreshTokenTheFirstRefreshGave() throws Exception {
        String job = UUID.randomUUID().toString();
        int tokensBefore = tiktok().tokensIssued();
        int refreshesBefore = tiktok().refreshTokensIssued();
        PROVIDERS.emulator().faults().queue("tiktok", Fault.of(Fault.Kind.UNAUTHORIZED), 1);
        publisher().publish(render(job), metadata(job, "Token"), new MemoryUploadSession(tiktok()::bytesReceived));
        assertThat(tiktok().tokensIssued() - tokensBefore).isEqualTo(2);
        assertThat(tiktok().refreshTokensIssued() - refreshesBefore).as("each refresh accepted, so each rotated").isEqualTo(2);
        assertThat(Files.readString(refreshTokenFile()).strip()).isEqualTo(tiktok().refreshToken().orElseThrow());
    }

    @Test
    void aRestartedPublisherPostsWithTheRefreshTokenTheFileKeeps() throws Exception {
        String before = UUID.randomUUID().toString();
        publisher().publish(render(before), metadata(before, "Before a restart"), new MemoryUploadSession(tiktok()::bytesReceived));
        String kept = Files.readString(refreshTokenFile()).strip();

        String after = UUID.randomUUID().toString();
        assertThat(publisher().publish(render(after), metadata(after, "After a restart"), new MemoryUploadSession(tiktok()::bytesReceived)))
                .contains("/video/");
        assertThat(Files.readString(refreshTokenFile()).strip()).as("the kept token was accepted and rotated").isNotEqualTo(kept)
                .isEqualTo(tiktok().refreshToken().orElseThrow());
    }

    private static Publisher publisher() {
        return PROVIDERS.adapter("cutline.distribution", "tiktok", Publisher.class);
    }

    private static Path refreshTokenFile() {
        return Path.of(PROVIDERS.block("cutline.distribution", "tiktok").text("refresh-token-file"));
    }

    private static TikTokAccount tiktok() {
        return PROVIDERS.emulator().tiktok();
    }

    private static ObjectNode last() {
        List<ObjectNode> posts = tiktok().posts();
        return posts.get(posts.size() - 1);
    }

    private Render render(String job) throws Exception {
        return PostFixtures.verticalRender(dir, job, SIZE);
    }

    private static PostMetadata metadata(String job, String title) {
        return PostFixtures.metadata(job, "tiktok", title);
    }
}
