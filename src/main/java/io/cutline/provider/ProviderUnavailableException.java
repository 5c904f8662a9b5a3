package io.cutline.provider;

/**
 * The provider could not answer properly: a 5xx or 408, a reply that is not what its protocol
 * promises, or no reply at all. {@code requestSent} tells whether the request may have reached it
 * (a timeout or a dropped connection: the outcome is unknown) or certainly did not (connection refused).
 */
public class ProviderUnavailableException extends ProviderException {

    private final boolean requestSent;

    public ProviderUnavailableException(String provider, String message, boolean requestSent, Throwable cause) {
        super(provider, message, cause);
        this.requestSent = requestSent;
    }

    public boolean requestSent() {
        return requestSent;
    }
}
