package io.cutline.provider;

import io.cutline.model.PermanentFailure;

/** The provider refused the request (a 4xx other than 408 and 429): sending it again will not help. */
public class ProviderRejectedException extends PermanentFailure {

    public ProviderRejectedException(String provider, int status, String message) {
        super(provider + ": refused with HTTP " + status + (message.isEmpty() ? "" : ": " + message));
    }
}
