package dev.lakesetup.azure;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Setting;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An ADLS Gen2 file system (blob container) in a storage account.
 *
 * @param storageAccount the storage account name
 * @param resourceGroup the resource group of the account (for role assignment scopes)
 * @param container the container name
 */
public record AdlsContainer(String storageAccount, String resourceGroup, String container) implements Resource {

    /** The resource kind. */
    public static final String KIND = "adls_container";

    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    private static final Pattern CONTAINER = Pattern.compile("^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$");

    /**
     * Validates the names by Azure's rules.
     *
     * @param storageAccount the storage account name
     * @param resourceGroup the resource group of the account (for role assignment scopes)
     * @param container the container name
     */
    public AdlsContainer {
        InvalidInputException.requireNonNull(storageAccount, "storage account");
        InvalidInputException.requireNonNull(resourceGroup, "resource group");
        InvalidInputException.requireNonNull(container, "container");
        if (!ACCOUNT.matcher(storageAccount).matches()) {
            throw InvalidInputException.of("storage account", storageAccount, "is not a valid account name",
                    "3-24 lower-case letters and digits");
        }
        if (!CONTAINER.matcher(container).matches()) {
            throw InvalidInputException.of("container", container, "is not a valid container name",
                    "3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit");
        }
    }

    /**
     * Returns the Resource Manager id of the storage account.
     *
     * @param subscriptionId the subscription
     * @return the account's id
     */
    public String accountScope(String subscriptionId) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Storage/storageAccounts/" + storageAccount;
    }

    /**
     * Returns the Resource Manager id of the container, the scope of role assignments on it.
     *
     * @param subscriptionId the subscription
     * @return the container's id
     */
    public String scope(String subscriptionId) {
        return accountScope(subscriptionId) + "/blobServices/default/containers/" + container;
    }

    @Override
    public ResourceId id() {
        return ResourceId.of(KIND, storageAccount + "/" + container);
    }

    @Override
    public List<Setting> settings() {
        return List.of();
    }
}
