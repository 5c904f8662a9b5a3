package io.cutline.provider;

/** Something went wrong talking to an external provider; subclasses say whether trying again can help. */
public abstract class ProviderException extends RuntimeException {

    private final String provider;

    protected ProviderException(String provider, String message, Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
