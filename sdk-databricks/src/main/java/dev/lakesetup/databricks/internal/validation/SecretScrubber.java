package dev.lakesetup.databricks.internal.validation;

import dev.lakesetup.core.model.Secret;

/**
 * Removes secrets from text that came from a driver or a service (error messages may echo a URL or a request),
 * so that it can go into a report, a log line or an exception.
 */
public final class SecretScrubber {
    private final java.util.List<Secret> secrets;

    /**
     * Creates a scrubber for secrets (a client secret, a federated token, an access token).
     *
     * @param secrets the secrets to hide; {@code null} entries are ignored
     */
    public SecretScrubber(Secret... secrets) {
        this.secrets = java.util.Arrays.stream(secrets).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Returns the text with every occurrence of the secret masked.
     *
     * @param text the text, possibly {@code null}
     * @return the scrubbed text, {@code "(no message)"} for {@code null} or blank text
     */
    public String scrub(String text) {
        if (text == null || text.isBlank()) {
            return "(no message)";
        }
        String out = text;
        for (Secret secret : secrets) {
            out = out.replace(secret.reveal(), Secret.MASK);
        }
        return out;
    }

    /**
     * Describes a failure by its message, or by its type when it has none, with the secret masked.
     *
     * @param failure the failure
     * @return the description
     */
    public String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = failure.getCause();
            return cause != null && cause != failure ? describe(cause) : failure.getClass().getSimpleName();
        }
        return scrub(message);
    }
}
