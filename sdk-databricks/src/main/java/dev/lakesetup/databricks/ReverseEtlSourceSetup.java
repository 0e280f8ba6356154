package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.SchemaName;
import dev.lakesetup.core.model.SecretSink;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Reverse ETL source setup procedure (OAuth M2M only) as a recipe: a service principal with an OAuth secret,
 * "Can use" on a SQL warehouse, read access to the schemas the models read (USE CATALOG on their catalogs, USE SCHEMA
 * and SELECT on each schema), and a place for the vendor's bookkeeping: either CREATE SCHEMA on a catalog, so the
 * vendor creates its {@value #SCHEMA} schema itself, or that schema created by lakesetup with ALL PRIVILEGES for
 * the principal.
 *
 * <p>The guide's Hive-era {@code READ_METADATA} has no Unity Catalog privilege to map to one to one: in Unity
 * Catalog, USE CATALOG, USE SCHEMA and SELECT already let the principal list and describe the tables it reads, so the
 * recipe grants nothing more (BROWSE, which shows metadata without data, applies to whole catalogs only and would
 * show more than the chosen schemas). {@code Privilege.parse("READ_METADATA", ..)} says so when a file or caller
 * asks for it.
 *
 * <pre>{@code
 * ReverseEtlSourceSetup setup = ReverseEtlSourceSetup.builder()
 *     .servicePrincipalNamed("segment-reverse-etl")
 *     .warehouse("abc123")
 *     .readSchemas("sales", "orders", "customers")
 *     .vendorCreatesSchemaIn("sales")
 *     .secretSink(credentials -> vault.store("segment/reverse-etl", credentials.secret().reveal()))
 *     .build();
 * SetupResult result = setup.run(lakesetup, workspace);
 * }</pre>
 * The builder rejects incomplete or contradictory input before anything is called.
 */
public final class ReverseEtlSourceSetup extends OAuthSetup {
    /** The schema the vendor keeps its bookkeeping in. */
    public static final String SCHEMA = "__segment_reverse_etl";

    private final Map<CatalogName, Set<SchemaName>> readSchemas;
    private final CatalogName bookkeeping;
    private final boolean precreated;

    private ReverseEtlSourceSetup(Builder builder, RecipePrincipal shared) {
        super(shared);
        Map<CatalogName, Set<SchemaName>> copy = new LinkedHashMap<>();
        builder.readSchemas.forEach((catalog, names) -> copy.put(catalog,
                Collections.unmodifiableSet(new LinkedHashSet<>(names))));
        this.readSchemas = Collections.unmodifiableMap(copy);
        this.bookkeeping = builder.bookkeeping;
        this.precreated = builder.precreated;
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
     * Returns the catalog of the vendor's bookkeeping schema, the one handed over.
     *
     * @return the catalog name
     */
    public CatalogName catalog() {
        return bookkeeping;
    }

    /**
     * Returns the vendor's bookkeeping schema ({@value #SCHEMA} in {@link #catalog()}).
     *
     * @return the schema name
     */
    public SchemaName bookkeepingSchema() {
        return bookkeeping.schema(SCHEMA);
    }

    /**
     * Tells whether lakesetup creates the bookkeeping schema (rather than letting the vendor create it).
     *
     * @return {@code true} for {@link Builder#precreatedSchemaIn(String)}
     */
    public boolean createsSchema() {
        return precreated;
    }

    /**
     * Declares the procedure: the principal and its secret (when created by name), "Can use" on the warehouse, read
     * access to the chosen schemas, and CREATE SCHEMA on the catalog or the bookkeeping schema with ALL PRIVILEGES.
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
        ReadAccess.declareSchemas(blueprint, principal(), readSchemas);
        if (precreated) {
            blueprint.resource(Schema.named(bookkeepingSchema()))
                    .grant(Grant.on(bookkeeping).to(principal()).privileges(Privilege.USE_CATALOG))
                    .grant(Grant.on(bookkeepingSchema()).to(principal()).privileges(Privilege.ALL_PRIVILEGES));
        } else {
            blueprint.grant(Grant.on(bookkeeping).to(principal())
                    .privileges(Privilege.USE_CATALOG, Privilege.CREATE_SCHEMA));
        }
        return blueprint.build();
    }

    @Override
    OAuthRecipe recipe() {
        Set<CatalogName> catalogs = new LinkedHashSet<>(readSchemas.keySet());
        catalogs.add(bookkeeping);
        return OAuthRecipe.of(shared, bookkeeping, (sink, schemaExists) -> blueprint(sink),
                validator -> validator.showSchemasIn(catalogs.toArray(CatalogName[]::new)));
    }

    @Override
    public String toString() {
        return "ReverseEtlSourceSetup[" + shared + ", readSchemas=" + readSchemas.values() + ", "
                + (precreated ? "schema " + bookkeepingSchema() : "CREATE SCHEMA on " + bookkeeping) + "]";
    }

    /** Collects the recipe's input; {@link #build()} rejects what is missing or contradictory. */
    public static final class Builder extends PrincipalRecipeBuilder<Builder> {
        private final Map<CatalogName, Set<SchemaName>> readSchemas = new LinkedHashMap<>();
        private CatalogName bookkeeping;
        private boolean precreated;
        private int placesChosen;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Adds schemas the models read (USE CATALOG on the catalog, USE SCHEMA and SELECT on each schema).
         *
         * @param catalog the catalog name
         * @param schemas the schema names, at least one
         * @return this builder
         */
        public Builder readSchemas(String catalog, String... schemas) {
            InvalidInputException.requireNonNull(schemas, "read schemas");
            if (schemas.length == 0) {
                throw InvalidInputException.of("read schemas of " + catalog, "[]", "no schema was given",
                        "one or more schema names");
            }
            CatalogName name = CatalogName.of(catalog);
            Set<SchemaName> set = readSchemas.computeIfAbsent(name, key -> new LinkedHashSet<>());
            for (String schema : schemas) {
                set.add(name.schema(schema));
            }
            return this;
        }

        /**
         * Lets the vendor create its {@value ReverseEtlSourceSetup#SCHEMA} schema: CREATE SCHEMA (and USE CATALOG)
         * on the catalog. Exclusive with {@link #precreatedSchemaIn(String)}.
         *
         * @param catalog the catalog name
         * @return this builder
         */
        public Builder vendorCreatesSchemaIn(String catalog) {
            return place(catalog, false);
        }

        /**
         * Creates the {@value ReverseEtlSourceSetup#SCHEMA} schema in the catalog and grants ALL PRIVILEGES on it
         * (and USE CATALOG on the catalog). Exclusive with {@link #vendorCreatesSchemaIn(String)}.
         *
         * @param catalog the catalog name
         * @return this builder
         */
        public Builder precreatedSchemaIn(String catalog) {
            return place(catalog, true);
        }

        private Builder place(String catalog, boolean create) {
            this.bookkeeping = CatalogName.of(catalog);
            this.precreated = create;
            placesChosen++;
            return this;
        }

        /**
         * Checks the input and builds the recipe.
         *
         * @return the recipe
         * @throws InvalidInputException naming what is missing or contradictory
         */
        public ReverseEtlSourceSetup build() {
            RecipePrincipal shared = principal("Reverse ETL source setup");
            if (readSchemas.isEmpty()) {
                throw InvalidInputException.of("read schemas", null, "it is required",
                        "readSchemas(catalog, schema...) for the schemas the models read");
            }
            if (placesChosen != 1) {
                throw InvalidInputException.of("bookkeeping schema", placesChosen == 0 ? "none" : placesChosen + " choices",
                        "exactly one must be given", "vendorCreatesSchemaIn(catalog) or precreatedSchemaIn(catalog)");
            }
            return new ReverseEtlSourceSetup(this, shared);
        }
    }
}
