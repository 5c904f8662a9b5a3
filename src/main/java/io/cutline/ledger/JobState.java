package io.cutline.ledger;

/**
 * RUNNING: some node works on it (or will, after a restart). PARKED: stopped by a failure, waiting for a
 * retry. WAITING: a language variant waiting for the clips of the job it was translated from, or a finished
 * video waiting in the ready queue for its publishing slot ({@link ReadyQueue}).
 */
public enum JobState {
    RUNNING,
    PARKED,
    DONE,
    WAITING
}
