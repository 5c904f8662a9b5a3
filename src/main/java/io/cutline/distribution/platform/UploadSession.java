package io.cutline.distribution.platform;

import java.util.Optional;

/**
 * A publication's resumable upload as the ledger keeps it between attempts and across restarts: the
 * platform's handle for it (YouTube's session URI). A publisher saves the handle before it sends the
 * first byte, so that a repeat of the same (job, platform) resumes that upload instead of starting
 * another.
 */
public interface UploadSession {

    /** The handle an earlier attempt saved, if any. */
    Optional<String> handle();

    /** Keeps {@code handle} (committed when this returns). */
    void save(String handle);

    /** Forgets the handle: the platform no longer knows the session. */
    void discard();
}
