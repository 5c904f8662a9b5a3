package io.cutline.ledger;

/**
 * RUNNING: some node works on it (or will, after a restart). PARKED: stopped by a failure, waiting for a
 * retry. WAITING: a language variant waiting for the clips of the job it was translated from.
 */
public enum JobState {
    RUNNING,
    PARKED,
    DONE,
    WAITING
}
