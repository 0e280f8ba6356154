package dev.lakesetup.core.drift;

/** What a verify found for one declared object, grant, secret or check. */
public enum DriftStatus {
    /** As declared. */
    OK(false),
    /** Declared but absent: the object does not exist, a principal lacks declared privileges or entitlements. */
    MISSING(true),
    /** Exists, but a declared setting differs from the live value (the item holds both). */
    CHANGED(true),
    /** Privileges held on a securable the blueprint declares exclusive, which the blueprint does not declare. */
    UNDECLARED(true),
    /** A principal's OAuth secret expires (or expired) within the window the verify was given. */
    EXPIRING(true),
    /** A check as the principal failed (the validation a verify may run). */
    FAILED(true),
    /**
     * Not checked, with the reason: the identity verifying may not read it (and which permission that needs), or a
     * check could not run. Not drift, but not known to be as declared either.
     */
    SKIPPED(false);

    private final boolean drift;

    DriftStatus(boolean drift) {
        this.drift = drift;
    }

    /**
     * Tells whether this status means the live state differs from the declaration.
     *
     * @return {@code true} for every status but {@link #OK} and {@link #SKIPPED}
     */
    public boolean isDrift() {
        return drift;
    }
}
