package io.cutline.ledger;

/** RUNNING: some node works on it (or will, after a restart). PARKED: stopped by a failure, waiting for a retry. */
public enum JobState {
    RUNNING,
    PARKED,
    DONE
}
