package dev.lakesetup.testkit.internal.azure;

/** An error the fake Azure endpoints answer with: HTTP status, the service's error code and message. */
public final class AzureError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    /** Creates an error. */
    public AzureError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** Returns the HTTP status. */
    public int status() {
        return status;
    }

    /** Returns the service's error code. */
    public String code() {
        return code;
    }

    /** Returns a 400 error. */
    public static AzureError badRequest(String code, String message) {
        return new AzureError(400, code, message);
    }

    /** Returns a 404 error. */
    public static AzureError notFound(String code, String message) {
        return new AzureError(404, code, message);
    }

    /** Returns a 409 error. */
    public static AzureError conflict(String code, String message) {
        return new AzureError(409, code, message);
    }
}
