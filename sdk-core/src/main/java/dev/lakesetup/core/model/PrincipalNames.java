package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;

/** Validation shared by the principal kinds whose names are free text. */
final class PrincipalNames {
    static final int MAX_LENGTH = 255;

    private PrincipalNames() {
    }

    static String requireText(String field, String value) {
        String accepted = "1 to " + MAX_LENGTH + " characters, no control characters, not blank";
        if (value == null) {
            throw InvalidInputException.of(field, null, "it is required", accepted);
        }
        if (value.isBlank()) {
            throw InvalidInputException.of(field, value, "it is blank", accepted);
        }
        if (value.length() > MAX_LENGTH) {
            throw InvalidInputException.of(field, value, "it has " + value.length() + " characters", accepted);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw InvalidInputException.of(field, value,
                        String.format("contains control character \\u%04x at index %d", (int) c, i), accepted);
            }
        }
        if (!value.strip().equals(value)) {
            throw InvalidInputException.of(field, value, "it has leading or trailing whitespace", accepted);
        }
        return value;
    }
}
