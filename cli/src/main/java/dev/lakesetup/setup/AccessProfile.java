package dev.lakesetup.setup;

import static dev.lakesetup.core.model.Privilege.CREATE_SCHEMA;
import static dev.lakesetup.core.model.Privilege.CREATE_TABLE;
import static dev.lakesetup.core.model.Privilege.MODIFY;
import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.SchemaName;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A vendor access profile's archetypes, after the read, write and read-write access of partner onboarding:
 * <ul>
 *   <li>{@code read}: on each catalog USE CATALOG, USE SCHEMA, SELECT; on each schema USE SCHEMA, SELECT (and USE
 *       CATALOG on its catalog);</li>
 *   <li>{@code write}: on each catalog USE CATALOG, USE SCHEMA, CREATE SCHEMA, CREATE TABLE, MODIFY; on each schema
 *       USE SCHEMA, CREATE TABLE, MODIFY (and USE CATALOG on its catalog);</li>
 *   <li>{@code read-write}: both.</li>
 * </ul>
 * {@code privileges:} replaces the archetype's privileges on every catalog and schema (USE CATALOG on a schema's
 * catalog stays). The principal is created by name (with its entitlements) or is an existing application.
 */
final class AccessProfile {
    private static final Map<String, List<Privilege>> ON_CATALOG = Map.of(
            "read", List.of(USE_CATALOG, USE_SCHEMA, SELECT),
            "write", List.of(USE_CATALOG, USE_SCHEMA, CREATE_SCHEMA, CREATE_TABLE, MODIFY),
            "read-write", List.of(USE_CATALOG, USE_SCHEMA, SELECT, CREATE_SCHEMA, CREATE_TABLE, MODIFY));
    private static final Map<String, List<Privilege>> ON_SCHEMA = Map.of(
            "read", List.of(USE_SCHEMA, SELECT),
            "write", List.of(USE_SCHEMA, CREATE_TABLE, MODIFY),
            "read-write", List.of(USE_SCHEMA, SELECT, CREATE_TABLE, MODIFY));

    private AccessProfile() {
    }

    static Blueprint blueprint(Field profile, WorkspaceMapper.Context context) {
        Blueprint.Builder blueprint = Blueprint.builder();
        ServicePrincipal sp = principal(profile, blueprint);
        String archetype = profile.text("archetype");
        for (Field catalog : profile.items("catalogs")) {
            CatalogName name = catalog.map(CatalogName::of, "a catalog name");
            blueprint.grant(grant(profile, catalog, name, sp, ON_CATALOG.get(archetype), SecurableType.CATALOG));
        }
        for (Field schema : profile.items("schemas")) {
            SchemaName name = schema.map(SchemaName::parse, "catalog.schema");
            blueprint.grant(Grant.on(name.catalog()).to(sp).privileges(USE_CATALOG));
            blueprint.grant(grant(profile, schema, name, sp, ON_SCHEMA.get(archetype), SecurableType.SCHEMA));
        }
        if (profile.flag("warehouseUse")) {
            String warehouse = WorkspaceMapper.warehouse(profile, context);
            blueprint.resource(profile.convert(() -> WarehousePermission.canUse(warehouse, sp), "a warehouse id"));
        }
        profile.optional("oauthSecret").ifPresent(secret -> blueprint.resource(secret(secret, sp)));
        return profile.convert(blueprint::build, "declarations that agree with each other");
    }

    private static ServicePrincipal principal(Field profile, Blueprint.Builder blueprint) {
        Field principal = profile.get("servicePrincipal");
        if (!References.isNamed(principal)) {
            if (profile.has("entitlements")) {
                throw profile.get("entitlements").fail("[...]", "entitlements need a principal the profile "
                        + "declares by name", "servicePrincipal: {name: ...} with entitlements, or no entitlements");
            }
            return principal.get("applicationId").map(id -> ServicePrincipal.of(ApplicationId.of(id)),
                    "an application id");
        }
        WorkspaceServicePrincipal sp = principal.get("name").map(WorkspaceServicePrincipal::named,
                "a display name").entitlements(References.entitlements(profile));
        blueprint.resource(sp);
        return sp.principal();
    }

    private static Grant grant(Field profile, Field at, dev.lakesetup.core.model.Securable on, ServicePrincipal sp,
            List<Privilege> archetype, SecurableType type) {
        List<Privilege> privileges = profile.has("privileges")
                ? References.privileges(profile.get("privileges"), type) : new ArrayList<>(archetype);
        return at.convert(() -> Grant.on(on).to(sp).privileges(privileges), "privileges that apply to a "
                + type.sqlName());
    }

    private static OAuthSecret secret(Field field, ServicePrincipal sp) {
        OAuthSecret secret = OAuthSecret.forPrincipal(sp, BlueprintMapper.sink(field.get("sink")));
        return field.duration("lifetime").map(lifetime -> field.get("lifetime")
                .convert(() -> secret.lifetime(lifetime), "1 second up to 730 days")).orElse(secret);
    }
}
