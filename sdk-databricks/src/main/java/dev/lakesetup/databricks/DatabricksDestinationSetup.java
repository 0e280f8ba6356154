package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.model.StorageUrl;
import java.util.Optional;

/**
 * The Databricks destination setup procedure (the current, cloud-neutral guide; OAuth M2M only) as a recipe: a
 * service principal with an OAuth secret, a catalog (on a chosen storage location when one is given) on which it has
 * ALL PRIVILEGES, and "Can use" on a SQL warehouse; the hand-over is host, HTTP path, port, catalog, client id and
 * secret.
 *
 * <pre>{@code
 * DatabricksDestinationSetup setup = DatabricksDestinationSetup.builder()
 *     .servicePrincipalNamed(DatabricksDestinationSetup.DEFAULT_DISPLAY_NAME)
 *     .warehouse("abc123")
 *     .catalog("segment_events")
 *     .secretSink(credentials -> vault.store("segment/destination", credentials.secret().reveal()))
 *     .build();
 * SetupResult result = setup.run(lakesetup, workspace);
 * }</pre>
 * The builder rejects incomplete or contradictory input before anything is called.
 */
public final class DatabricksDestinationSetup extends OAuthSetup {
    /** The display name the guide suggests for the principal. */
    public static final String DEFAULT_DISPLAY_NAME = "Segment Storage Destinations";

    private final Catalog catalog;

    private DatabricksDestinationSetup(RecipePrincipal shared, Catalog catalog) {
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
     * Returns the catalog the vendor lands data in.
     *
     * @return the catalog name
     */
    public CatalogName catalog() {
        return catalog.name();
    }

    /**
     * Returns the storage location of the catalog, when one was chosen.
     *
     * @return the managed location
     */
    public Optional<StorageUrl> storageRoot() {
        return catalog.managedLocation();
    }

    /**
     * Declares the procedure: the principal and its secret (when created by name), "Can use" on the warehouse, the
     * catalog and ALL PRIVILEGES on it.
     *
     * @return the blueprint
     */
    @Override
    public Blueprint blueprint() {
        return blueprint(shared.secretSink());
    }

    private Blueprint blueprint(SecretSink sink) {
        Blueprint.Builder blueprint = Blueprint.builder();
        shared.declare(blueprint, sink);
        return blueprint.resource(catalog)
                .grant(Grant.on(catalog.name()).to(principal()).privileges(Privilege.ALL_PRIVILEGES)).build();
    }

    @Override
    OAuthRecipe recipe() {
        return OAuthRecipe.of(shared, catalog.name(), (sink, schemaExists) -> blueprint(sink),
                validator -> validator.showSchemasIn(catalog.name()));
    }

    @Override
    public String toString() {
        return "DatabricksDestinationSetup[" + shared + ", catalog=" + catalog.name()
                + catalog.managedLocation().map(url -> " (" + url + ")").orElse("") + "]";
    }

    /** Collects the recipe's input; {@link #build()} rejects what is missing or contradictory. */
    public static final class Builder extends PrincipalRecipeBuilder<Builder> {
        private CatalogName catalogName;
        private String storageRoot;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Names the catalog the vendor lands data in (required); created when absent.
         *
         * @param name the catalog name
         * @return this builder
         */
        public Builder catalog(String name) {
            this.catalogName = CatalogName.of(name);
            return this;
        }

        /**
         * Puts the catalog on a chosen storage location (its managed location), e.g. an external location's URL.
         *
         * @param url a cloud storage URL ({@code s3://}, {@code abfss://}, {@code gs://})
         * @return this builder
         */
        public Builder storageRoot(String url) {
            this.storageRoot = StorageUrl.of(url).value();
            return this;
        }

        /**
         * Checks the input and builds the recipe.
         *
         * @return the recipe
         * @throws InvalidInputException naming what is missing or contradictory
         */
        public DatabricksDestinationSetup build() {
            RecipePrincipal shared = principal("Databricks destination setup");
            if (catalogName == null) {
                throw InvalidInputException.of("catalog", null, "it is required", "catalog(name)");
            }
            Catalog catalog = Catalog.named(catalogName);
            return new DatabricksDestinationSetup(shared, storageRoot == null ? catalog
                    : catalog.managedLocation(storageRoot));
        }
    }
}
