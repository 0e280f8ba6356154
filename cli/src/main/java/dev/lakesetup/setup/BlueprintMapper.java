package dev.lakesetup.setup;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.SchemaName;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Maps a {@code blueprint:} section to a {@link Blueprint}, in the order {@code Blueprint.Builder} takes. */
final class BlueprintMapper {
    private BlueprintMapper() {
    }

    static Blueprint map(Field section, Optional<String> warehouse) {
        Blueprint.Builder blueprint = Blueprint.builder();
        section.items("servicePrincipals").forEach(sp -> blueprint.resource(servicePrincipal(sp)));
        section.items("catalogs").forEach(catalog -> blueprint.resource(catalog(catalog)));
        section.items("schemas").forEach(schema -> blueprint.resource(schema(schema)));
        section.items("storageCredentials").forEach(credential -> blueprint.resource(credential(credential)));
        section.items("externalLocations").forEach(location -> blueprint.resource(location(location)));
        section.items("warehousePermissions").forEach(permission ->
                blueprint.resource(warehousePermission(permission, warehouse)));
        section.items("oauthSecrets").forEach(secret -> blueprint.resource(oauthSecret(secret)));
        section.optional("azure").ifPresent(azure -> AzureMapper.declare(azure, blueprint));
        section.items("grants").forEach(grant -> blueprint.grant(grant(grant)));
        section.items("exclusive").forEach(securable -> blueprint.exclusive(References.securable(securable)));
        section.items("order").forEach(order -> order(order, blueprint));
        return section.convert(blueprint::build, "declarations that agree with each other");
    }

    static WorkspaceServicePrincipal servicePrincipal(Field field) {
        String name = field.text("name");
        WorkspaceServicePrincipal sp = field.convert(() -> field.has("applicationId")
                ? WorkspaceServicePrincipal.ofApplication(ApplicationId.of(field.text("applicationId")), name)
                : WorkspaceServicePrincipal.named(name), "a display name and an optional application id");
        sp = sp.entitlements(References.entitlements(field));
        return field.flag("throughAccount") ? sp.throughAccount() : sp;
    }

    private static Catalog catalog(Field field) {
        Catalog catalog = field.get("name").map(Catalog::named, "a catalog name");
        catalog = field.optionalText("comment").map(catalog::comment).orElse(catalog);
        Catalog commented = catalog;
        return field.optional("managedLocation")
                .map(url -> url.map(commented::managedLocation, "an abfss://, s3:// or gs:// URL"))
                .orElse(commented);
    }

    private static Schema schema(Field field) {
        Schema schema = field.get("name").map(text -> Schema.named(SchemaName.parse(text)), "catalog.schema");
        schema = field.optionalText("comment").map(schema::comment).orElse(schema);
        Schema commented = schema;
        return field.optional("managedLocation")
                .map(url -> url.map(commented::managedLocation, "an abfss://, s3:// or gs:// URL"))
                .orElse(commented);
    }

    private static StorageCredential credential(Field field) {
        StorageIdentity identity = identity(field);
        StorageCredential credential = field.get("name")
                .map(name -> StorageCredential.named(name, identity), "a storage credential name");
        credential = field.optionalText("comment").map(credential::comment).orElse(credential);
        return field.has("readOnly") ? credential.readOnly(field.flag("readOnly")) : credential;
    }

    private static StorageIdentity identity(Field field) {
        if (field.has("azureManagedIdentity")) {
            Field identity = field.get("azureManagedIdentity");
            return identity.convert(() -> new StorageIdentity.AzureManagedIdentity(
                    identity.text("accessConnectorId"), identity.optionalText("managedIdentityId").orElse(null)),
                    "Azure resource ids");
        }
        Field principal = field.get("azureServicePrincipal");
        return principal.convert(() -> new StorageIdentity.AzureServicePrincipal(principal.text("directoryId"),
                ApplicationId.of(principal.text("applicationId")), principal.get("clientSecret").secret()),
                "a directory id, an application id and a secret reference");
    }

    private static ExternalLocation location(Field field) {
        ExternalLocation location = field.convert(() -> ExternalLocation.named(field.text("name"),
                field.text("url"), field.text("credential")), "a name, a storage URL and a credential name");
        location = field.optionalText("comment").map(location::comment).orElse(location);
        return field.has("readOnly") ? location.readOnly(field.flag("readOnly")) : location;
    }

    private static WarehousePermission warehousePermission(Field field, Optional<String> warehouse) {
        String id = WorkspaceMapper.warehouse(field, new WorkspaceMapper.Context(warehouse, field));
        return field.convert(() -> WarehousePermission.canUse(id, References.principal(field.get("principal"))),
                "a warehouse id and a principal");
    }

    private static OAuthSecret oauthSecret(Field field) {
        OAuthSecret declared = OAuthSecret.forPrincipal(References.servicePrincipal(field.get("principal")),
                sink(field.get("sink")));
        OAuthSecret secret = field.duration("lifetime")
                .map(lifetime -> field.get("lifetime").convert(() -> declared.lifetime(lifetime),
                        "1 second up to 730 days"))
                .orElse(declared);
        return field.flag("rotate") ? secret.rotate() : secret;
    }

    static FileSecretSink sink(Field field) {
        return new FileSecretSink(Path.of(field.text("file")));
    }

    private static Grant grant(Field field) {
        Securable on = References.securable(field.get("on"));
        List<dev.lakesetup.core.model.Privilege> privileges =
                References.privileges(field.get("privileges"), on.type());
        return field.convert(() -> Grant.on(on).to(References.principal(field.get("to"))).privileges(privileges),
                "a securable, a principal and privileges that apply to it");
    }

    private static void order(Field field, Blueprint.Builder blueprint) {
        ResourceId later = References.resourceId(field.get("resource"));
        List<ResourceId> earlier = field.items("after").stream().map(References::resourceId).toList();
        field.convert(() -> blueprint.order(later).after(earlier.get(0),
                earlier.subList(1, earlier.size()).toArray(ResourceId[]::new)), "resource ids declared above");
    }
}
