package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import java.time.Instant;
import java.util.Locale;

/**
 * One OAuth secret of a service principal as the service lists it: never its value.
 *
 * @param id the secret id
 * @param status the service's status, upper case ({@code ACTIVE}; the service documents no other value, and an
 *     empty status means it sent none)
 * @param createTime when the secret was created ({@link Instant#EPOCH} when the service did not say: see
 *     {@link #createTimeKnown()})
 * @param expireTime when it expires ({@link Instant#MAX} when the service sent no expiry: such a secret does not
 *     expire)
 */
public record SecretInfo(String id, String status, Instant createTime, Instant expireTime) {

    /**
     * Checks the components.
     *
     * @param id the secret id
     * @param status the service's status, upper case
     * @param createTime when the secret was created
     * @param expireTime when it expires ({@link Instant#MAX} when it does not)
     */
    public SecretInfo {
        InvalidInputException.requireNonNull(id, "secret id");
        status = InvalidInputException.requireNonNull(status, "secret status").toUpperCase(Locale.ROOT);
        InvalidInputException.requireNonNull(createTime, "secret create time");
        InvalidInputException.requireNonNull(expireTime, "secret expire time");
    }

    /**
     * Tells whether the service sent the secret's create time.
     *
     * @return {@code false} when it did not ({@link #createTime()} is then {@link Instant#EPOCH}); a rotation keeps
     *     such a secret, since its age is unknown
     */
    public boolean createTimeKnown() {
        return !Instant.EPOCH.equals(createTime);
    }

    /**
     * Tells whether the secret expires at all.
     *
     * @return {@code false} when the service sent no expiry
     */
    public boolean expires() {
        return !Instant.MAX.equals(expireTime);
    }

    /**
     * Tells whether the secret still signs in at a moment: its status is {@code ACTIVE} (or none was sent) and it has
     * not expired.
     *
     * @param now the moment, on the caller's clock
     * @return {@code true} when it works at {@code now}
     */
    public boolean isActiveAt(Instant now) {
        InvalidInputException.requireNonNull(now, "now");
        return (status.isEmpty() || status.equals("ACTIVE")) && expireTime.isAfter(now);
    }
}
