package io.cutline.distribution;

import java.util.Optional;

import io.cutline.distribution.platform.UploadSession;
import io.cutline.ledger.PublicationLedger;

/** A (job, platform) publication's resumable upload session, kept in its publications row. */
public record StoredUploadSession(PublicationLedger publications, String jobId, String platform) implements UploadSession {

    @Override
    public Optional<String> handle() {
        return publications.uploadSession(jobId, platform);
    }

    @Override
    public void save(String handle) {
        publications.uploadSession(jobId, platform, handle);
    }

    @Override
    public void discard() {
        publications.uploadSession(jobId, platform, null);
    }
}
