package io.cutline.channel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One directory that the paths a channel file names must stay inside, so a channel file cannot
 * point the service at any file on the host. A path is judged as the service would open it
 * (relative to the working directory): its normalized form must lie inside, and if it exists, so
 * must the real file it leads to, links followed.
 */
final class PathConfinement {

    private final Path root;

    PathConfinement(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Why {@code path} is not inside the directory, or empty when it is. */
    Optional<String> escape(Path path) {
        Path absolute = path.toAbsolutePath();
        if (!absolute.normalize().startsWith(root)) {
            return Optional.of("is outside " + shown(root) + ", where the files a channel names must be");
        }
        if (Files.exists(absolute)) {
            try {
                Path real = absolute.toRealPath();
                if (!real.startsWith(root.toRealPath())) {
                    return Optional.of("leads through a link to " + real + ", outside " + shown(root));
                }
            } catch (IOException e) {
                return Optional.of("cannot be resolved: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The directory as an operator would write it: relative to the working directory when inside it. */
    private static String shown(Path directory) {
        Path here = Path.of("").toAbsolutePath();
        return directory.startsWith(here) && !directory.equals(here) ? here.relativize(directory).toString() : directory.toString();
    }
}
