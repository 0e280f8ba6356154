package dev.lakesetup.core.drift;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a {@link DriftReport}: what was checked, its {@link DriftStatus}, and where it applies the live value
 * ({@link #before()}), the declared one ({@link #after()}) and why ({@link #reason()}). Values are as plans show them:
 * secrets are never held, only masked. Text may come from a service; the renderers escape it.
 *
 * <pre>{@code
 * DriftItem.changed("catalog", "catalog sales: comment", "old text", "Sales data");
 * DriftItem.skipped("grants", "grants on catalog sales", "permission denied: ...; needs MANAGE on it");
 * }</pre>
 */
public final class DriftItem {
    private final String kind;
    private final String what;
    private final DriftStatus status;
    private final String before;
    private final String after;
    private final String reason;

    private DriftItem(String kind, String what, DriftStatus status, String before, String after, String reason) {
        this.kind = requireText(kind, "drift item kind");
        this.what = requireText(what, "drift item");
        this.status = InvalidInputException.requireNonNull(status, "drift status");
        this.before = before;
        this.after = after;
        this.reason = reason;
    }

    private static String requireText(String value, String field) {
        InvalidInputException.requireNonNull(value, field);
        if (value.isBlank()) {
            throw InvalidInputException.of(field, value, "it is blank", "a description such as catalog sales");
        }
        return value;
    }

    /**
     * Creates an item of any status; the factories below cover the usual shapes.
     *
     * @param kind the kind of object or check, e.g. {@code catalog}, {@code grants}, {@code validation}
     * @param what the object or check as people name it, e.g. {@code catalog sales}
     * @param status what was found
     * @param before the live value, or {@code null} when there is none to show
     * @param after the declared value, or {@code null} when there is none to show
     * @param reason why, or {@code null}
     * @return the item
     */
    public static DriftItem of(String kind, String what, DriftStatus status, String before, String after,
            String reason) {
        return new DriftItem(kind, what, status, before, after, reason);
    }

    /**
     * Creates an item for something as declared.
     *
     * @param kind the kind
     * @param what the object or check
     * @return the item
     */
    public static DriftItem ok(String kind, String what) {
        return new DriftItem(kind, what, DriftStatus.OK, null, null, null);
    }

    /**
     * Creates an item for something declared that is absent.
     *
     * @param kind the kind
     * @param what the object
     * @param after what is declared and absent (privileges, members), or {@code null}
     * @param reason why it counts as absent
     * @return the item
     */
    public static DriftItem missing(String kind, String what, String after, String reason) {
        return new DriftItem(kind, what, DriftStatus.MISSING, null, after, reason);
    }

    /**
     * Creates an item for a setting whose live value differs from the declared one.
     *
     * @param kind the kind
     * @param what the object and setting, e.g. {@code catalog sales: comment}
     * @param before the live value
     * @param after the declared value
     * @return the item
     */
    public static DriftItem changed(String kind, String what, String before, String after) {
        return new DriftItem(kind, what, DriftStatus.CHANGED, before, after, null);
    }

    /**
     * Creates an item for a check that was not made.
     *
     * @param kind the kind
     * @param what the object or check
     * @param reason why, and what it would need
     * @return the item
     */
    public static DriftItem skipped(String kind, String what, String reason) {
        return new DriftItem(kind, what, DriftStatus.SKIPPED, null, null,
                InvalidInputException.requireNonNull(reason, "reason"));
    }

    /**
     * Returns the kind of object or check, e.g. {@code catalog}, {@code grants}, {@code oauth_secret},
     * {@code validation}.
     *
     * @return the kind
     */
    public String kind() {
        return kind;
    }

    /**
     * Returns the object or check as people name it, e.g. {@code grants on catalog sales to 1234-abcd}.
     *
     * @return the description
     */
    public String what() {
        return what;
    }

    /**
     * Returns what the verify found.
     *
     * @return the status
     */
    public DriftStatus status() {
        return status;
    }

    /**
     * Returns the live value, as plans show it.
     *
     * @return the value, or empty when there is none to show
     */
    public Optional<String> before() {
        return Optional.ofNullable(before);
    }

    /**
     * Returns the declared value, as plans show it (a secret masked).
     *
     * @return the value, or empty when there is none to show
     */
    public Optional<String> after() {
        return Optional.ofNullable(after);
    }

    /**
     * Returns why the item has its status: for a skipped check, what stopped it and the permission it needs.
     *
     * @return the reason, or empty
     */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DriftItem other && kind.equals(other.kind) && what.equals(other.what)
                && status == other.status && Objects.equals(before, other.before)
                && Objects.equals(after, other.after) && Objects.equals(reason, other.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, what, status, before, after, reason);
    }

    @Override
    public String toString() {
        return status + " " + what + (before == null && after == null ? "" : ": " + (before == null ? "(none)"
                : before) + " -> " + (after == null ? "(none)" : after)) + (reason == null ? "" : " (" + reason + ")");
    }
}
