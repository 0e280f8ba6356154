package dev.lakesetup.setup;

import dev.lakesetup.azure.AdlsContainer;
import dev.lakesetup.azure.AzureDeltaLakeDestinationSetup;

/** Maps {@code azureDeltaLakeDestination:} to {@link AzureDeltaLakeDestinationSetup}. */
final class AzureDestinationMapper {
    private AzureDestinationMapper() {
    }

    static SetupRecipe map(Field section, WorkspaceMapper.Context context) {
        AzureDeltaLakeDestinationSetup.Builder builder = AzureDeltaLakeDestinationSetup.builder();
        section.get("vendorApplication").map(builder::vendorApplication, "the vendor's application id");
        section.optional("displayName").ifPresent(name -> name.map(builder::displayName, "a display name"));
        AdlsContainer container = AzureMapper.container(section.get("storageContainer"));
        builder.storageContainer(container.storageAccount(), container.resourceGroup(), container.container());
        section.optional("role").ifPresent(role -> builder.role(AzureMapper.role(role)));
        section.get("storageCredential").map(builder::storageCredential, "a storage credential name");
        section.optional("accessConnector").ifPresent(id -> id.map(builder::accessConnector,
                "the access connector's Resource Manager id"));
        section.optional("credentialServicePrincipal").ifPresent(sp -> sp.convert(() ->
                builder.credentialServicePrincipal(sp.text("directoryId"), sp.text("applicationId"),
                        sp.get("clientSecret").secret()), "a directory id, an application id and a secret reference"));
        Field location = section.get("externalLocation");
        location.convert(() -> location.has("url")
                ? builder.externalLocation(location.text("name"), location.text("url"))
                : builder.externalLocation(location.text("name")), "a location name and an optional abfss:// URL");
        Field catalog = section.get("catalog");
        catalog.convert(() -> catalog.has("subPath")
                ? builder.catalog(catalog.text("name"), catalog.text("subPath"))
                : builder.catalog(catalog.text("name")), "a catalog name and an optional relative path");
        AzureDeltaLakeDestinationSetup setup = section.convert(builder::build, "the recipe's required parameters");
        return new AzureDestinationRecipe(setup);
    }
}
