package io.cutline.distribution.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import io.cutline.model.Render;

/** What the publishers' contract tests post: a vertical 30 s render of random bytes (seeded by the job), and its metadata. */
final class PostFixtures {

    private PostFixtures() {
    }

    static Render verticalRender(Path dir, String job, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(job.hashCode()).nextBytes(bytes);
        Path video = Files.write(dir.resolve(job + ".mp4"), bytes);
        return new Render(job, "1080x1920", video.toString(), 1080, 1920, 30.0, null);
    }

    static PostMetadata metadata(String job, String platform, String title) {
        return new PostMetadata(job, "quick", platform, "en", title, "Three reasons.", List.of("#light", "#optics"), 30.0, 1080, 1920, true,
                null, 0);
    }
}
