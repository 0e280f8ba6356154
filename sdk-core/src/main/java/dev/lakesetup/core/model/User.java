package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.Locale;

/**
 * A workspace user, known by e-mail. E-mails compare case-insensitively.
 *
 * @param email the e-mail address
 */
public record User(String email) implements Principal {
    /**
     * Validates the e-mail.
     *
     * @param email the e-mail address
     */
    public User {
        String accepted = "an e-mail address: one '@' with text on both sides, no whitespace or control characters";
        PrincipalNames.requireText("user e-mail", email);
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            throw InvalidInputException.of("user e-mail", email, "it is not an e-mail address", accepted);
        }
        if (email.chars().anyMatch(Character::isWhitespace)) {
            throw InvalidInputException.of("user e-mail", email, "it contains whitespace", accepted);
        }
    }

    /**
     * Validates an e-mail and names that user.
     *
     * @param email the e-mail address
     * @return the user
     */
    public static User of(String email) {
        return new User(email);
    }

    @Override
    public String grantName() {
        return email;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User other && email.equalsIgnoreCase(other.email);
    }

    @Override
    public int hashCode() {
        return email.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return "user " + email;
    }
}
