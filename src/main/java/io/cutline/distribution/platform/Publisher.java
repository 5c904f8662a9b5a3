package io.cutline.distribution.platform;

import io.cutline.model.Render;

/**
 * Puts a rendition and its metadata on one platform and says where it went. Must be safe to call
 * again for the same (job, platform): a repeat finds or completes the first attempt's result.
 */
public interface Publisher {

    /**
     * Publishes and returns the location (a URL, a platform id, or the outbox path). {@code session}
     * keeps a resumable upload's handle in the ledger across attempts (publishers that upload in
     * one go leave it alone).
     */
    String publish(Render render, PostMetadata metadata, UploadSession session);
}
