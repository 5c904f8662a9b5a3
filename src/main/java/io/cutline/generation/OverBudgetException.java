package io.cutline.generation;

import io.cutline.model.PermanentFailure;

/**
 * A paid clip that, checked again just before it is sent, would break its channel's budget: another
 * scene of the job (or of the channel) committed money since the router chose the provider. The
 * route sends the scene back to the router, which picks a cheaper provider or parks the job.
 */
public class OverBudgetException extends PermanentFailure {

    public OverBudgetException(String message) {
        super(message);
    }
}
