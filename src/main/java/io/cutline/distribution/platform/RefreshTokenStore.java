package io.cutline.distribution.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.cutline.config.Secrets;
import io.cutline.media.MediaStore;
import io.cutline.model.PermanentFailure;

/**
 * The refresh token a platform block's OAuth refreshes send. A platform that rotates refresh tokens
 * (TikTok) answers each refresh with a new one and refuses the one it replaced, so the newest is kept
 * in a file ({@code refresh-token-file}) that outlives a restart and is read in preference to the
 * environment variable, which holds only the token the operator first gave. The file is replaced
 * whole (a temporary file moved over it) and only its owner may read it.
 *
 * <p>There is one store per file in this process, shared by the block's publisher and metrics
 * collector: their refreshes take turns and each sends what the other's last refresh kept, rather than
 * one that the other has already used up. The file is read at every refresh, so a token another
 * process on this machine rotated is picked up too.
 */
final class RefreshTokenStore {

    private static final Map<Path, RefreshTokenStore> BY_FILE = new ConcurrentHashMap<>();

    private final Path file;
    /** A rotated token the file could not take: this run goes on with it rather than with the refused one. */
    private String unsaved;

    private RefreshTokenStore(Path file) {
        this.file = file;
    }

    static RefreshTokenStore of(Path file) {
        return BY_FILE.computeIfAbsent(file.toAbsolutePath().normalize(), RefreshTokenStore::new);
    }

    Path file() {
        return file;
    }

    /**
     * One refresh, while no other refresh through this file runs: {@code grant} is given the refresh
     * token to send (the file's, else {@code environment}'s) and answers the refresh token the platform
     * gave back, which is kept when it differs.
     */
    synchronized void refresh(Supplier<String> environment, UnaryOperator<String> grant) {
        String sent = unsaved != null ? unsaved : read().orElseGet(environment);
        String answered = grant.apply(sent);
        if (answered != null && !answered.isBlank() && !answered.equals(sent)) {
            save(Secrets.register(answered));
        }
    }

    private Optional<String> read() {
        try {
            return Optional.of(Files.readString(file).strip()).filter(token -> !token.isEmpty()).map(Secrets::register);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PermanentFailure("cannot read the refresh token in " + file + " (" + e.getMessage()
                    + "): let this user read it, or delete it to start again from the environment variable's token", e);
        }
    }

    private void save(String token) {
        unsaved = token;
        Path temporary = MediaStore.temporaryFor(file);
        try {
            Files.createDirectories(file.getParent());
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, token + "\n");
            MediaStore.moveIntoPlace(temporary, file);
        } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
            MediaStore.deleteQuietly(temporary);
            throw new PermanentFailure("the token endpoint rotated the refresh token but it cannot be written to " + file + " (" + e
                    + "): this run goes on with the new token, a restart would send the old one, which is refused; let this user write"
                    + " that file (or name another with refresh-token-file) and retry", e);
        }
        unsaved = null;
    }
}
