package dev.lakesetup.setup;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.databricks.DataGraphSetup;

/** Maps {@code dataGraph:} to {@link DataGraphSetup}. */
final class DataGraphMapper {
    private DataGraphMapper() {
    }

    static SetupRecipe map(Field section, WorkspaceMapper.Context context) {
        DataGraphSetup.Builder builder = DataGraphSetup.builder();
        Field principal = section.get("servicePrincipal");
        if (References.isNamed(principal)) {
            principal.get("name").map(builder::servicePrincipalNamed, "a display name");
        } else {
            principal.get("applicationId").map(id -> builder.existingServicePrincipal(ApplicationId.of(id)),
                    "an application id");
        }
        String warehouse = WorkspaceMapper.warehouse(section, context);
        section.convert(() -> builder.warehouse(warehouse), "a SQL warehouse id");
        section.optional("bookkeepingCatalog").ifPresent(name -> name.map(builder::bookkeepingCatalog,
                "a catalog name"));
        section.get("profilesSyncCatalog").map(builder::profilesSyncCatalog, "a catalog name");
        section.items("readOnlyCatalogs").forEach(name -> name.map(builder::readOnlyCatalogs, "a catalog name"));
        for (Field schemas : section.items("readOnlySchemas")) {
            schemas.convert(() -> builder.readOnlySchemas(schemas.text("catalog"),
                    schemas.texts("schemas").toArray(String[]::new)), "a catalog and schema names in it");
        }
        if (section.has("reverseEtlGrant")) {
            builder.reverseEtlGrant(section.flag("reverseEtlGrant"));
        }
        section.optional("secretSink").ifPresent(sink -> builder.secretSink(BlueprintMapper.sink(sink)));
        section.duration("secretLifetime").ifPresent(lifetime -> section.get("secretLifetime")
                .convert(() -> builder.secretLifetime(lifetime), "1 second up to 730 days"));
        section.items("validateWithTables").forEach(table -> table.map(builder::validateWithTables,
                "catalog.schema.table"));
        section.optional("validateWith").ifPresent(with -> with.convert(() -> builder.validateWith(
                new OAuthCredentials(ApplicationId.of(with.text("clientId")), with.get("secret").secret())),
                "a client id and a secret reference"));
        section.optional("federatedCredential").ifPresent(federated -> federated.convert(() -> builder
                .federatedCredential(FederationMapper.credential(federated)), "a federated credential"));
        return new DataGraphRecipe(section.convert(builder::build, "the recipe's required parameters"));
    }
}
