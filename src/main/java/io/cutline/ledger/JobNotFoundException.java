package io.cutline.ledger;

/** No job with that id is in the ledger. */
public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(String id) {
        super("no job '" + id + "'");
    }
}
