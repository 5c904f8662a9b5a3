package io.cutline.ledger;

/** The layers a job passes through, in order. A job's step is the first one not yet finished. */
public enum Step {
    RESEARCH,
    STORYBOARD,
    VOICE,
    GENERATION,
    ASSEMBLY,
    DISTRIBUTION,
    DONE;

    public Step next() {
        return this == DONE ? DONE : values()[ordinal() + 1];
    }
}
