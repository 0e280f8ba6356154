package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;

/** Splits dotted full names; the one place that knows names cannot contain a dot. */
final class NameParts {
    private NameParts() {
    }

    static String[] split(String field, String fullName, int count, String shape) {
        InvalidInputException.requireNonNull(fullName, field);
        String[] parts = fullName.split("\\.", -1);
        if (parts.length != count) {
            throw InvalidInputException.of(field, fullName, "it has " + parts.length + " dot-separated parts",
                    shape + " (" + count + " names joined by '.')");
        }
        return parts;
    }
}
