package dev.lakesetup.databricks;

import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.SchemaName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read-only access of the Data Graph principal: the Profiles Sync catalog and further whole catalogs (USE
 * CATALOG, USE SCHEMA, SELECT), and catalogs of which only chosen schemas are readable (USE CATALOG on the catalog,
 * USE SCHEMA and SELECT on each schema).
 */
final class ReadAccess {
    private final CatalogName profilesSync;
    private final Set<CatalogName> wholeCatalogs;
    private final Map<CatalogName, Set<SchemaName>> schemas;

    ReadAccess(CatalogName profilesSync, Set<CatalogName> readOnlyCatalogs,
               Map<CatalogName, Set<SchemaName>> readOnlySchemas) {
        this.profilesSync = profilesSync;
        this.wholeCatalogs = Collections.unmodifiableSet(new LinkedHashSet<>(readOnlyCatalogs));
        Map<CatalogName, Set<SchemaName>> copy = new LinkedHashMap<>();
        readOnlySchemas.forEach((catalog, names) -> copy.put(catalog,
                Collections.unmodifiableSet(new LinkedHashSet<>(names))));
        this.schemas = Collections.unmodifiableMap(copy);
    }

    /** Every catalog the principal reads in, Profiles Sync first. */
    List<CatalogName> catalogs() {
        Set<CatalogName> catalogs = new LinkedHashSet<>();
        catalogs.add(profilesSync);
        catalogs.addAll(wholeCatalogs);
        catalogs.addAll(schemas.keySet());
        return List.copyOf(catalogs);
    }

    /** Declares the read grants to a principal. */
    void declare(Blueprint.Builder blueprint, Principal principal) {
        Set<CatalogName> whole = new LinkedHashSet<>();
        whole.add(profilesSync);
        whole.addAll(wholeCatalogs);
        for (CatalogName catalog : whole) {
            blueprint.grant(Grant.on(catalog).to(principal)
                    .privileges(Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.SELECT));
        }
        declareSchemas(blueprint, principal, schemas);
    }

    /**
     * Declares read access to chosen schemas: USE CATALOG on each catalog, USE SCHEMA and SELECT on each schema
     * (shared with the Reverse ETL source recipe).
     */
    static void declareSchemas(Blueprint.Builder blueprint, Principal principal,
            Map<CatalogName, Set<SchemaName>> schemas) {
        schemas.forEach((catalog, names) -> {
            blueprint.grant(Grant.on(catalog).to(principal).privileges(Privilege.USE_CATALOG));
            for (SchemaName schema : names) {
                blueprint.grant(Grant.on(schema).to(principal).privileges(Privilege.USE_SCHEMA, Privilege.SELECT));
            }
        });
    }

    @Override
    public String toString() {
        return "profilesSync=" + profilesSync + ", readOnlyCatalogs=" + wholeCatalogs + ", readOnlySchemas="
                + schemas.values();
    }
}
