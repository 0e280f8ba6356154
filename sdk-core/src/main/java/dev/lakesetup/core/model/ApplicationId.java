package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The application (client) id of a service principal: a UUID. Grants and warehouse permissions name a service
 * principal by it, and OAuth M2M uses it as the client id.
 *
 * @param value the UUID
 */
public record ApplicationId(UUID value) {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * Checks the component.
     *
     * @param value the UUID
     */
    public ApplicationId {
        InvalidInputException.requireNonNull(value, "application id");
    }

    /**
     * Parses an application id in the canonical 8-4-4-4-12 hexadecimal form.
     *
     * @param text the id, e.g. {@code fffa5b05-1da5-4599-8360-cc2684bcdefb}
     * @return the application id
     * @throws InvalidInputException if the text is not a canonical UUID
     */
    public static ApplicationId of(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw InvalidInputException.of("application id", text, "it is not a UUID",
                    "a UUID in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (hexadecimal digits)");
        }
        return new ApplicationId(UUID.fromString(text));
    }

    /**
     * Returns the id in lower-case canonical form, as the services print it.
     *
     * @return the id text
     */
    @Override
    public String toString() {
        return value.toString().toLowerCase(Locale.ROOT);
    }
}
