package dev.lakesetup.setup;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.SchemaName;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.TableName;
import java.util.List;

/** The small one-of objects a file uses to name principals, securables, privileges and resources. */
final class References {
    private References() {
    }

    /** {@code {servicePrincipal: NAME} | {applicationId: UUID} | {user: EMAIL} | {group: NAME}}. */
    static Principal principal(Field field) {
        String key = field.onlyKey();
        Field value = field.get(key);
        return switch (key) {
            case "servicePrincipal" -> value.map(Principal::servicePrincipalNamed, "a display name");
            case "applicationId" -> value.map(id -> Principal.servicePrincipal(ApplicationId.of(id)), "a UUID");
            case "user" -> value.map(Principal::user, "an e-mail address");
            default -> value.map(Principal::group, "a group name");
        };
    }

    /** A principal that must be a service principal (OAuth secrets). */
    static ServicePrincipal servicePrincipal(Field field) {
        if (principal(field) instanceof ServicePrincipal principal) {
            return principal;
        }
        throw field.fail(field.onlyKey(), "only a service principal can have an OAuth secret",
                "{servicePrincipal: NAME} or {applicationId: UUID}");
    }

    /** {@code {name: NAME} | {applicationId: UUID}} of a recipe's or profile's service principal. */
    static boolean isNamed(Field field) {
        return field.has("name");
    }

    /** {@code {catalog: ..} | {schema: c.s} | {table: c.s.t} | {storageCredential: ..} | {externalLocation: ..} |
     * {metastore: true}}. */
    static Securable securable(Field field) {
        String key = field.onlyKey();
        Field value = field.get(key);
        return switch (key) {
            case "catalog" -> value.map(Securable::catalog, "a catalog name");
            case "schema" -> value.map(SchemaName::parse, "catalog.schema");
            case "table" -> value.map(TableName::parse, "catalog.schema.table");
            case "storageCredential" -> value.map(Securable::storageCredential, "a storage credential name");
            case "externalLocation" -> value.map(Securable::externalLocation, "an external location name");
            default -> Securable.metastore();
        };
    }

    static List<Privilege> privileges(Field field, SecurableType type) {
        return field.items().stream()
                .map(item -> item.map(text -> Privilege.parse(text, type), "a privilege on a " + type.sqlName()))
                .toList();
    }

    static Entitlement[] entitlements(Field section) {
        return section.items("entitlements").stream()
                .map(item -> item.map(Entitlement::of, "an entitlement")).toArray(Entitlement[]::new);
    }

    /** {@code kind:key}, as {@code ResourceId.toString()} writes it. */
    static ResourceId resourceId(Field field) {
        return field.map(text -> {
            int colon = text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new IllegalArgumentException("a resource id is kind:key");
            }
            return ResourceId.of(text.substring(0, colon), text.substring(colon + 1));
        }, "kind:key, such as catalog:sales or external_location:landing");
    }
}
