package dev.lakesetup.testkit;

import dev.lakesetup.testkit.internal.azure.AzureState;
import dev.lakesetup.testkit.internal.databricks.StorageAccess;
import dev.lakesetup.testkit.internal.databricks.UcStorage;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates storage credentials and external locations of a {@link FakeWorkspace} against a {@link FakeAzure}: the
 * access connector must exist, and its managed identity (or the credential's service principal) must hold a Storage
 * Blob Data role on the container of an {@code abfss://} url, at the container or above.
 */
final class AzureStorageAccess implements StorageAccess {

    private static final Pattern ABFSS = Pattern.compile(
            "abfss://([^@/]+)@([a-z0-9]+)\\.dfs\\.core\\.windows\\.net(/.*)?", Pattern.CASE_INSENSITIVE);
    private static final Set<String> WRITERS = Set.of(FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR,
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b");
    private static final Set<String> READERS = Set.of(FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR,
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", FakeAzure.STORAGE_BLOB_DATA_READER);

    private final FakeAzure azure;

    AzureStorageAccess(FakeAzure azure) {
        this.azure = azure;
    }

    @Override
    public String credentialProblem(UcStorage.Credential credential) {
        AzureState state = azure.state();
        synchronized (state) {
            if (credential.accessConnectorId != null
                    && state.accessConnectorPrincipal(credential.accessConnectorId) == null) {
                return "Access connector '" + credential.accessConnectorId + "' was not found or is not accessible.";
            }
            if (credential.applicationId != null && principalOfApp(state, credential.applicationId) == null) {
                return "Service principal with application id '" + credential.applicationId + "' was not found in "
                        + "directory '" + credential.directoryId + "'.";
            }
            return null;
        }
    }

    @Override
    public String locationProblem(UcStorage.Credential credential, String url, boolean readOnly) {
        Matcher m = ABFSS.matcher(url);
        if (!m.matches()) {
            return null;
        }
        String container = m.group(1);
        String account = m.group(2).toLowerCase(Locale.ROOT);
        AzureState state = azure.state();
        synchronized (state) {
            String principal = credential.accessConnectorId != null
                    ? state.accessConnectorPrincipal(credential.accessConnectorId)
                    : principalOfApp(state, credential.applicationId);
            AzureState.StorageAccount a = state.account(account);
            boolean allowed = principal != null && a != null && a.containers().containsKey(container)
                    && state.holdsRole(principal, azure.containerScope(account, container),
                    readOnly ? READERS : WRITERS);
            if (allowed) {
                return null;
            }
            return "The contributor role on the storage account is not set or Managed Identity does not have "
                    + (readOnly ? "READ" : "WRITE") + " permissions on url " + url + ". Please contact your "
                    + "account admin to update the storage credential.";
        }
    }

    private static String principalOfApp(AzureState state, String appId) {
        return state.principals().stream().filter(p -> p.appId().equalsIgnoreCase(appId))
                .map(AzureState.ServicePrincipal::id).findFirst().orElse(null);
    }
}
