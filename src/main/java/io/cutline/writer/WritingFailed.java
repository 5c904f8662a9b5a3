package io.cutline.writer;

import java.util.List;

import io.cutline.model.PermanentFailure;

/** Every writer the channel allows was tried and none wrote a valid document: the job parks with each one's last problems. */
public class WritingFailed extends PermanentFailure {

    public WritingFailed(String document, List<String> attempts) {
        super("no valid " + document + " from any writer: " + String.join(" | ", attempts));
    }
}
