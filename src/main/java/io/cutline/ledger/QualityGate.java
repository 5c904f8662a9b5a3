package io.cutline.ledger;

/** One quality check of one rendition: what was measured against what was expected. */
public record QualityGate(String rendition, String gate, boolean passed, String measured, String expected) {
}
