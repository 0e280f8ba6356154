package dev.lakesetup.testkit.internal.databricks;

/**
 * What the fake workspace learns from the cloud to validate a storage credential or an external location, as the
 * service does on create and update unless {@code skip_validation} is set. A workspace without a cloud behind it
 * ({@link #UNCHECKED}) accepts every credential and location.
 */
public interface StorageAccess {

    /** Accepts everything: no cloud is attached to the workspace. */
    StorageAccess UNCHECKED = new StorageAccess() {
        @Override
        public String credentialProblem(UcStorage.Credential credential) {
            return null;
        }

        @Override
        public String locationProblem(UcStorage.Credential credential, String url, boolean readOnly) {
            return null;
        }
    };

    /**
     * Returns null when the credential's identity exists, or why it does not (answered as 400
     * {@code INVALID_PARAMETER_VALUE}).
     */
    String credentialProblem(UcStorage.Credential credential);

    /**
     * Returns null when the credential's identity may read (and, unless {@code readOnly}, write) the url, or why it may
     * not (answered as 403 {@code PERMISSION_DENIED}).
     */
    String locationProblem(UcStorage.Credential credential, String url, boolean readOnly);
}
