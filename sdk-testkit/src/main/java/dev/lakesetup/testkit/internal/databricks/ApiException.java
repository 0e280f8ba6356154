package dev.lakesetup.testkit.internal.databricks;

/** An error the fake workspace answers with: HTTP status, the service's error code and message. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    /** Creates an error. */
    public ApiException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** Returns the HTTP status. */
    public int status() {
        return status;
    }

    /** Returns the error code. */
    public String errorCode() {
        return errorCode;
    }

    /** 400 INVALID_PARAMETER_VALUE. */
    public static ApiException invalid(String message) {
        return new ApiException(400, "INVALID_PARAMETER_VALUE", message);
    }

    /** 404 with a code. */
    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    /** 409 with a code. */
    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    /** 403 PERMISSION_DENIED. */
    public static ApiException denied(String message) {
        return new ApiException(403, "PERMISSION_DENIED", message);
    }
}
