package dev.lakesetup.testkit.internal.databricks;

/** A SCIM error, answered in the SCIM error shape ({@code schemas}, {@code detail}, {@code status}). */
public final class ScimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** Creates an error. */
    public ScimException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    /** Returns the HTTP status. */
    public int status() {
        return status;
    }
}
