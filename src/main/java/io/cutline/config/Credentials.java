package io.cutline.config;

import io.cutline.model.PermanentFailure;

/** API keys are read from the environment variable that configuration names, at the moment of use. */
public final class Credentials {

    private Credentials() {
    }

    public static String require(String environmentVariable, String property) {
        String value = environmentVariable == null || environmentVariable.isBlank() ? null : System.getenv(environmentVariable);
        if (value == null || value.isBlank()) {
            throw new PermanentFailure("no API key: environment variable " + environmentVariable + " (named by " + property
                    + ") is not set");
        }
        return Secrets.register(value);
    }
}
