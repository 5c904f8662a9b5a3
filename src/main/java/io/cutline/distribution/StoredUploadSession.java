package io.cutline.distribution;

import java.util.Optional;

import io.cutline.distribution.platform.UploadSession;
import io.cutline.ledger.PublicationLedger;

/** A (job, platform, short) publication's resumable upload session, kept in its publications row. */
public record StoredUploadSession(PublicationLedger publications, String jobId, String platform, int shortNumber) implements UploadSession {

    @Override
    public Optional<String> handle() {
        return publications.uploadSession(jobId, platform, shortNumber);
    }

    @Override
    public void save(String handle) {
        publications.uploadSession(jobId, platform, shortNumber, handle);
    }

    @Override
    public void discard() {
        publications.uploadSession(jobId, platform, shortNumber, null);
    }
}
