package io.cutline.provider;

/**
 * Where a provider is and how to call it, all from configuration: base URL, the environment
 * variable holding its key, and the model id (providers retire model ids every few months).
 */
public record ProviderSettings(String name, String baseUrl, String apiKeyEnv, String model, String propertyPrefix) {

    public String apiKey() {
        return Credentials.require(apiKeyEnv, propertyPrefix + ".api-key-env");
    }

    /** The base URL joined with a path, with exactly one slash between them. */
    public String url(String path) {
        return baseUrl.replaceAll("/+$", "") + "/" + path.replaceAll("^/+", "");
    }
}
