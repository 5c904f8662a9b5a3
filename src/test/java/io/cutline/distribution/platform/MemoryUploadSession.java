package io.cutline.distribution.platform;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/** The ledger's part of an upload, in memory; notes how many bytes the platform had received when the handle was saved. */
public final class MemoryUploadSession implements UploadSession {

    private final LongSupplier bytesReceived;
    private final AtomicReference<String> handle = new AtomicReference<>();
    private long bytesWhenSaved = -1;

    public MemoryUploadSession(LongSupplier bytesReceived) {
        this.bytesReceived = bytesReceived;
    }

    long bytesWhenSaved() {
        return bytesWhenSaved;
    }

    @Override
    public Optional<String> handle() {
        return Optional.ofNullable(handle.get());
    }

    @Override
    public void save(String value) {
        bytesWhenSaved = bytesReceived.getAsLong();
        handle.set(value);
    }

    @Override
    public void discard() {
        handle.set(null);
    }
}
