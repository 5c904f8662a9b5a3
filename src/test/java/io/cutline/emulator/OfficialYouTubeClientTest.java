package io.cutline.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.googleapis.media.MediaHttpUploader;
import com.google.api.client.http.FileContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.DateTime;
import com.google.api.services.youtube.YouTube;
import com.google.api.services.youtube.model.Video;
import com.google.api.services.youtube.model.VideoSnippet;
import com.google.api.services.youtube.model.VideoStatus;
import io.cutline.support.EmulatedProviders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Google's own YouTube Data API client (google-api-services-youtube on google-api-client), with only
 * its root URL and its OAuth token server pointed at the emulator, refreshes its access token, uploads
 * a video through its resumable MediaHttpUploader in 256 KiB chunks, sets the thumbnail, lists the
 * video and reads an injected quota error as Google's: the emulator's YouTube endpoints are the real
 * wire format, not a dialect only Cutline's publisher speaks.
 */
class OfficialYouTubeClientTest {

    @RegisterExtension
    static final EmulatedProviders PROVIDERS = new EmulatedProviders(23);

    /** A bit under four chunks of 256 KiB: three whole chunks and a short last one. */
    private static final int SIZE = 1_000_000;
    private static final String PUBLISH_AT = "2027-03-01T15:00:00.000Z";

    @TempDir
    Path dir;

    @Test
    void aRefreshTokenBuysAnAccessTokenAtTheEmulatorsTokenEndpoint() throws IOException {
        int issuedBefore = channel().tokensIssued();
        Credential credential = credential();

        assertThat(credential.refreshToken()).isTrue();

        assertThat(credential.getAccessToken()).startsWith("ya29.");
        assertThat(credential.getExpiresInSeconds()).isPositive();
        assertThat(channel().tokensIssued()).isEqualTo(issuedBefore + 1);
    }

    @Test
    void aVideoGoesUpInResumableChunksWithItsSnippetAndStatus() throws IOException {
        int videosBefore = channel().videosCreated();
        long bytesBefore = channel().bytesReceived();
        YouTube.Videos.Insert insert = youtube().videos().insert(List.of("snippet", "status"), draft("Why tides turn"),
                new FileContent("video/mp4", media("tides.mp4")));
        insert.getMediaHttpUploader().setDirectUploadEnabled(false).setChunkSize(MediaHttpUploader.MINIMUM_CHUNK_SIZE);
        List<MediaHttpUploader.UploadState> states = new ArrayList<>();
        insert.getMediaHttpUploader().setProgressListener(uploader -> states.add(uploader.getUploadState()));

        Video video = insert.execute();

        assertThat(video.getId()).isNotBlank();
        assertThat(states).as("an initiation, then one acknowledgement per chunk").containsExactly(
                MediaHttpUploader.UploadState.INITIATION_STARTED, MediaHttpUploader.UploadState.INITIATION_COMPLETE,
                MediaHttpUploader.UploadState.MEDIA_IN_PROGRESS, MediaHttpUploader.UploadState.MEDIA_IN_PROGRESS,
                MediaHttpUploader.UploadState.MEDIA_IN_PROGRESS, MediaHttpUploader.UploadState.MEDIA_COMPLETE);
        assertThat(channel().videosCreated()).isEqualTo(videosBefore + 1);
        assertThat(channel().bytesReceived() - bytesBefore).as("every byte once").isEqualTo(SIZE);
        assertThat(video.getSnippet().getTitle()).isEqualTo("Why tides turn");
        assertThat(video.getSnippet().getTags()).containsExactly("science", "tides");
        assertThat(video.getSnippet().getCategoryId()).isEqualTo("28");
        VideoStatus status = video.getStatus();
        assertThat(status.getUploadStatus()).isEqualTo("uploaded");
        assertThat(status.getPrivacyStatus()).isEqualTo("private");
        assertThat(status.getPublishAt()).isEqualTo(new DateTime(PUBLISH_AT));
        assertThat(status.getSelfDeclaredMadeForKids()).isFalse();
        assertThat(status.getContainsSyntheticMedia()).isTrue();
    }

    @Test
    void theUploadedVideoGetsItsThumbnailAndIsListedProcessed() throws IOException {
        YouTube youtube = youtube();
        String id = youtube.videos().insert(List.of("snippet", "status"), draft("Why craters are round"),
                new FileContent("video/mp4", media("craters.mp4"))).execute().getId();

        // the uploader as it comes: resumable (an initiating POST, then the image in one PUT), gzipped JSON where there is any
        youtube.thumbnails().set(id, new FileContent("image/png", thumbnail())).execute();
        List<Video> listed = youtube.videos().list(List.of("status", "processingDetails", "statistics")).setId(List.of(id))
                .execute().getItems();

        assertThat(channel().thumbnailsSet(id)).isEqualTo(1);
        assertThat(listed).singleElement().satisfies(video -> {
            assertThat(video.getId()).isEqualTo(id);
            assertThat(video.getStatus().getUploadStatus()).isEqualTo("processed");
            assertThat(video.getProcessingDetails().getProcessingStatus()).isEqualTo("succeeded");
            assertThat(video.getStatistics().getViewCount()).as("not watched yet").isZero();
            assertThat(video.getSnippet()).as("only the parts asked for").isNull();
        });
    }

    @Test
    void anExhaustedQuotaIsGooglesJsonErrorWithItsReason() throws IOException {
        int videosBefore = channel().videosCreated();
        PROVIDERS.emulator().faults().queue(YouTubeEmulation.PROVIDER, Fault.of(Fault.Kind.QUOTA_EXCEEDED), 1);
        YouTube.Videos.Insert insert = youtube().videos().insert(List.of("snippet", "status"), draft("Why comets glow"),
                new FileContent("video/mp4", media("comets.mp4")));

        assertThatThrownBy(insert::execute).isInstanceOfSatisfying(GoogleJsonResponseException.class, error -> {
            assertThat(error.getStatusCode()).isEqualTo(403);
            assertThat(error.getDetails().getErrors()).singleElement().satisfies(detail -> {
                assertThat(detail.getReason()).isEqualTo("quotaExceeded");
                assertThat(detail.getDomain()).isEqualTo("youtube.quota");
            });
        });
        assertThat(channel().videosCreated()).isEqualTo(videosBefore);
    }

    private static YouTubeChannel channel() {
        return PROVIDERS.emulator().youtube();
    }

    private static YouTube youtube() {
        return new YouTube.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), credential())
                .setRootUrl(PROVIDERS.emulator().baseUrl() + "/").setApplicationName("cutline-tests").build();
    }

    /** An installed app's refresh-token credential: the emulator takes its key as client secret and refresh token. */
    private static Credential credential() {
        String key = System.getenv(EmulatedProviders.KEY_VARIABLE);
        return new Credential.Builder(BearerToken.authorizationHeaderAccessMethod()).setTransport(new NetHttpTransport())
                .setJsonFactory(GsonFactory.getDefaultInstance()).setTokenServerUrl(new GenericUrl(PROVIDERS.emulator().baseUrl() + "/oauth2/token"))
                .setClientAuthentication(new ClientParametersAuthentication("cutline-tests.apps.googleusercontent.com", key))
                .build().setRefreshToken(key);
    }

    /** A scheduled, AI-made video for adults, as the publisher describes one. */
    private static Video draft(String title) {
        return new Video()
                .setSnippet(new VideoSnippet().setTitle(title).setTags(List.of("science", "tides")).setCategoryId("28"))
                .setStatus(new VideoStatus().setPrivacyStatus("private").setPublishAt(new DateTime(PUBLISH_AT))
                        .setSelfDeclaredMadeForKids(false).setContainsSyntheticMedia(true));
    }

    /** Media bytes to upload (the emulator does not decode them). */
    private File media(String name) throws IOException {
        byte[] bytes = new byte[SIZE];
        new Random(name.hashCode()).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes).toFile();
    }

    private File thumbnail() throws IOException {
        File file = dir.resolve("thumbnail.png").toFile();
        ImageIO.write(new BufferedImage(128, 72, BufferedImage.TYPE_INT_RGB), "png", file);
        return file;
    }
}
