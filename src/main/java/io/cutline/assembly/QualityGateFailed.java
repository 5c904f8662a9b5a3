package io.cutline.assembly;

import io.cutline.model.PermanentFailure;
import io.cutline.ledger.QualityGate;

/** A rendition failed a quality gate: the job is parked and nothing is published. */
public class QualityGateFailed extends PermanentFailure {

    public QualityGateFailed(QualityGate gate) {
        super("quality gate '" + gate.gate() + "' failed for " + gate.rendition() + ": measured " + gate.measured()
                + ", expected " + gate.expected());
    }
}
