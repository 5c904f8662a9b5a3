package io.cutline.job;

import io.cutline.ledger.Job;

/** What a submitter gets back: the job, and whether this request created it or found it. */
public record Receipt(Job job, boolean created) {
}
