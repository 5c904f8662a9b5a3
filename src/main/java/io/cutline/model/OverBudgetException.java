package io.cutline.model;

/**
 * A channel's budget refused the money a scene needs. Thrown by the generation router when a budget
 * turned away the last provider a scene could have (the job parks, and budget.exceeded goes out),
 * and for a paid clip that, checked again just before it is sent, would break its channel's budget:
 * another scene of the job (or of the channel) committed money since the router chose the provider.
 * The route then sends the scene back to the router, which picks a cheaper provider or parks the job.
 */
public class OverBudgetException extends PermanentFailure {

    public OverBudgetException(String message) {
        super(message);
    }
}
