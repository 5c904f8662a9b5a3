package io.cutline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Media file names are made from ids, sizes and hashes, and stay in their directory whatever they are given. */
class MediaStoreTest {

    private static final String JOB = "3f2b7c9e-1d4a-4e8b-9c0f-2a6d8e1b5c7a";

    @TempDir
    Path dir;

    private Path root;

    @BeforeEach
    void mediaRoot() {
        root = dir.resolve("media");
    }

    @Test
    void namesFromIdsSizesAndHashesStayInTheirDirectories() {
        MediaStore media = new MediaStore(root);
        Path job = root.resolve("jobs").resolve(JOB);
        assertThat(media.renditionPath(JOB, "1080x1920")).isEqualTo(job.resolve("video-1080x1920.mp4"));
        assertThat(media.thumbnailPath(JOB, "1080x1920")).isEqualTo(job.resolve("thumbnail-1080x1920.jpg"));
        assertThat(media.voicePath(JOB, 3, "wav")).isEqualTo(job.resolve("voice").resolve("scene-03.wav"));
        assertThat(media.clipPath("ab12")).isEqualTo(root.resolve("clips").resolve("ab12.mp4"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "../../etc", "a/b", "/etc", ".hidden", "", "a\\b", "nul\u0000byte", "a title; with $(words)"})
    void aNamePartThatCouldLeaveItsDirectoryOrIsNotAnIdIsRefused(String part) throws Exception {
        MediaStore media = new MediaStore(root);
        assertThatThrownBy(() -> media.jobDir(part)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain file name");
        assertThatThrownBy(() -> media.renditionPath(JOB, part)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> media.thumbnailPath(JOB, part)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> media.clipPath(part)).isInstanceOf(IllegalArgumentException.class);
        try (Stream<Path> made = Files.walk(dir)) {
            assertThat(made.map(dir::relativize).map(Path::toString)).as("nothing made outside the media directory")
                    .containsExactlyInAnyOrder("", "media", "media/jobs", "media/jobs/" + JOB, "media/clips");
        }
    }
}
