package io.cutline.provider;

/**
 * A provider handed out media that Cutline will not fetch: not https, a host its block does not
 * allow, a private address, too many redirects, over the size cap. Fetching it again cannot help, so
 * the clip fails with this message (and is not ordered again: the same provider would answer alike).
 */
public class DownloadRefusedException extends RuntimeException {

    private final String provider;

    public DownloadRefusedException(String provider, String message) {
        super(provider + ": download refused: " + message);
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
