package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.SecretSink;
import java.util.List;

/**
 * The Profiles Sync setup procedure (OAuth M2M only) as a recipe: a service principal with an OAuth secret and the
 * "Databricks SQL access" entitlement ({@code databricks-sql-access}, also given to an existing principal), "Can use"
 * on a SQL warehouse, and on the target catalog (created when absent) USE CATALOG, USE SCHEMA, MODIFY, SELECT, CREATE
 * SCHEMA and CREATE TABLE; the hand-over is host, HTTP path, port, catalog, client id and secret.
 *
 * <pre>{@code
 * ProfilesSyncSetup setup = ProfilesSyncSetup.builder()
 *     .servicePrincipalNamed("segment-profiles-sync")
 *     .warehouse("abc123")
 *     .catalog("segment_profiles")
 *     .secretSink(credentials -> vault.store("segment/profiles-sync", credentials.secret().reveal()))
 *     .build();
 * SetupResult result = setup.run(lakesetup, workspace);
 * }</pre>
 * The builder rejects incomplete or contradictory input before anything is called.
 */
public final class ProfilesSyncSetup extends OAuthSetup {
    /** The privileges the guide asks for on the target catalog, in its order. */
    public static final List<Privilege> CATALOG_PRIVILEGES = List.of(Privilege.USE_CATALOG, Privilege.USE_SCHEMA,
            Privilege.MODIFY, Privilege.SELECT, Privilege.CREATE_SCHEMA, Privilege.CREATE_TABLE);

    private final CatalogName catalog;

    private ProfilesSyncSetup(RecipePrincipal shared, CatalogName catalog) {
        super(shared);
        this.catalog = catalog;
    }

    /**
     * Starts a recipe.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }


    /**
     * Returns the catalog Profiles Sync writes to.
     *
     * @return the catalog name
     */
    public CatalogName catalog() {
        return catalog;
    }

    /**
     * Declares the procedure: the principal with SQL access and its secret, "Can use" on the warehouse, the catalog
     * and the guide's privileges on it.
     *
     * @return the blueprint
     */
    @Override
    public Blueprint blueprint() {
        return blueprint(shared.secretSink());
    }

    private Blueprint blueprint(SecretSink sink) {
        Blueprint.Builder blueprint = Blueprint.builder();
        shared.declare(blueprint, sink, Entitlement.DATABRICKS_SQL_ACCESS);
        return blueprint.resource(Catalog.named(catalog))
                .grant(Grant.on(catalog).to(principal()).privileges(CATALOG_PRIVILEGES.toArray(Privilege[]::new)))
                .build();
    }

    @Override
    OAuthRecipe recipe() {
        return OAuthRecipe.of(shared, catalog, (sink, schemaExists) -> blueprint(sink),
                validator -> validator.showSchemasIn(catalog));
    }

    @Override
    public String toString() {
        return "ProfilesSyncSetup[" + shared + ", catalog=" + catalog + "]";
    }

    /** Collects the recipe's input; {@link #build()} rejects what is missing or contradictory. */
    public static final class Builder extends PrincipalRecipeBuilder<Builder> {
        private CatalogName catalogName;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Names the catalog Profiles Sync writes to (required); created when absent.
         *
         * @param name the catalog name
         * @return this builder
         */
        public Builder catalog(String name) {
            this.catalogName = CatalogName.of(name);
            return this;
        }

        /**
         * Checks the input and builds the recipe.
         *
         * @return the recipe
         * @throws InvalidInputException naming what is missing or contradictory
         */
        public ProfilesSyncSetup build() {
            RecipePrincipal shared = principal("Profiles Sync setup");
            if (catalogName == null) {
                throw InvalidInputException.of("catalog", null, "it is required", "catalog(name)");
            }
            return new ProfilesSyncSetup(shared, catalogName);
        }
    }
}
