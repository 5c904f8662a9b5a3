package io.cutline.api;

import io.cutline.generation.ContentKey;
import io.cutline.ledger.GenerationLedger;

/**
 * Provider webhooks ({@code POST /hooks/<provider>?rk=<our key>}, the URL given to the provider
 * with the submission): the clip named by the key is checked at the poller's next tick instead of
 * at its next poll. Nothing in the webhook's body is trusted; the poller asks the provider itself.
 */
public class ProviderHooks {

    private final GenerationLedger generations;

    public ProviderHooks(GenerationLedger generations) {
        this.generations = generations;
    }

    /** Makes the clip due now; 404 when no clip of that provider with that key is in flight. */
    public String wake(String provider, String marker) {
        if (marker == null || marker.isBlank()) {
            throw new ApiProblem(400, "rk (the clip's key, as given in the callback URL) is required");
        }
        String key = ContentKey.keyOf(marker);
        if (!generations.checkNow(key, provider)) {
            throw new ApiProblem(404, "no clip in flight at " + provider + " with key " + marker);
        }
        return "{\"clip\":\"" + key.substring(0, Math.min(12, key.length())) + "\",\"check\":\"now\"}";
    }
}
