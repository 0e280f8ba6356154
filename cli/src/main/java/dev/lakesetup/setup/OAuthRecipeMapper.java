package dev.lakesetup.setup;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.databricks.DatabricksDestinationSetup;
import dev.lakesetup.databricks.PrincipalRecipeBuilder;
import dev.lakesetup.databricks.ProfilesSyncSetup;
import dev.lakesetup.databricks.ReverseEtlSourceSetup;

/**
 * Maps the recipes built on {@link PrincipalRecipeBuilder}: {@code databricksDestination:}, {@code profilesSync:}
 * and {@code reverseEtlSource:}, whose principal, warehouse, secret and validation parameters are shared.
 */
final class OAuthRecipeMapper {
    private OAuthRecipeMapper() {
    }

    static SetupRecipe databricksDestination(Field section, WorkspaceMapper.Context context) {
        DatabricksDestinationSetup.Builder builder = principal(section, DatabricksDestinationSetup.builder(), context);
        section.get("catalog").map(builder::catalog, "a catalog name");
        section.optional("storageRoot").ifPresent(url -> url.map(builder::storageRoot,
                "a cloud storage URL (s3://, abfss://, gs://)"));
        DatabricksDestinationSetup setup = section.convert(builder::build, "the recipe's required parameters");
        return new OAuthSetupRecipe(SetupKind.DATABRICKS_DESTINATION, setup, setup.blueprint(), setup::plan,
                setup::run);
    }

    static SetupRecipe profilesSync(Field section, WorkspaceMapper.Context context) {
        ProfilesSyncSetup.Builder builder = principal(section, ProfilesSyncSetup.builder(), context);
        section.get("catalog").map(builder::catalog, "a catalog name");
        ProfilesSyncSetup setup = section.convert(builder::build, "the recipe's required parameters");
        return new OAuthSetupRecipe(SetupKind.PROFILES_SYNC, setup, setup.blueprint(), setup::plan, setup::run);
    }

    static SetupRecipe reverseEtlSource(Field section, WorkspaceMapper.Context context) {
        ReverseEtlSourceSetup.Builder builder = principal(section, ReverseEtlSourceSetup.builder(), context);
        for (Field schemas : section.items("readSchemas")) {
            schemas.convert(() -> builder.readSchemas(schemas.text("catalog"),
                    schemas.texts("schemas").toArray(String[]::new)), "a catalog and schema names in it");
        }
        Field place = section.get("bookkeepingSchema");
        if (place.has("vendorCreatesIn")) {
            place.get("vendorCreatesIn").map(builder::vendorCreatesSchemaIn, "a catalog name");
        } else {
            place.get("precreatedIn").map(builder::precreatedSchemaIn, "a catalog name");
        }
        ReverseEtlSourceSetup setup = section.convert(builder::build, "the recipe's required parameters");
        return new OAuthSetupRecipe(SetupKind.REVERSE_ETL_SOURCE, setup, setup.blueprint(), setup::plan,
                setup::run);
    }

    /** The parameters every such recipe shares. */
    private static <B extends PrincipalRecipeBuilder<B>> B principal(Field section, B builder,
            WorkspaceMapper.Context context) {
        Field principal = section.get("servicePrincipal");
        if (References.isNamed(principal)) {
            principal.get("name").map(builder::servicePrincipalNamed, "a display name");
        } else {
            principal.get("applicationId").map(builder::existingServicePrincipal, "an application id");
        }
        String warehouse = WorkspaceMapper.warehouse(section, context);
        section.convert(() -> builder.warehouse(warehouse), "a SQL warehouse id");
        section.optional("secretSink").ifPresent(sink -> builder.secretSink(BlueprintMapper.sink(sink)));
        section.duration("secretLifetime").ifPresent(lifetime -> section.get("secretLifetime")
                .convert(() -> builder.secretLifetime(lifetime), "1 second up to 730 days"));
        section.items("validateWithTables").forEach(table -> table.map(builder::validateWithTables,
                "catalog.schema.table"));
        section.optional("validateWith").ifPresent(with -> with.convert(() -> builder.validateWith(
                new OAuthCredentials(ApplicationId.of(with.text("clientId")), with.get("secret").secret())),
                "a client id and a secret reference"));
        section.items("vendorIpRanges").forEach(range -> range.map(builder::vendorIpRanges,
                "an IPv4 address or CIDR range such as 52.25.130.38/32"));
        section.optional("federatedCredential").ifPresent(federated -> federated.convert(() -> builder
                .federatedCredential(FederationMapper.credential(federated)), "a federated credential"));
        return builder;
    }
}
