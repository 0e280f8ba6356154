package dev.lakesetup.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.DeletedPrincipal;
import dev.lakesetup.core.model.Identifier;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.Setting;
import dev.lakesetup.core.model.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes and reads the values a saved plan holds (principals, securables, privileges, settings) as JSON; each
 * value's form is listed in {@code docs/saved-plan.md}. A secret setting's value is never written.
 */
final class SavedValues {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SavedValues() {
    }

    /** A declared setting as saved: a secret one without its value. */
    record SavedSetting(String name, boolean members, String value, boolean mutable, boolean secret,
            Set<String> memberValues) {

        /** Tells whether the blueprint's setting is the one saved (a secret compares by name only). */
        boolean matches(Setting setting) {
            if (!setting.name().equals(name)) {
                return false;
            }
            if (setting instanceof Setting.Members m) {
                return members && m.members().equals(memberValues);
            }
            Setting.Scalar scalar = (Setting.Scalar) setting;
            return !members && scalar.mutable() == mutable && scalar.secret() == secret
                    && (secret || scalar.value().equals(value));
        }

        @Override
        public String toString() {
            return name + "=" + (members ? memberValues.toString() : secret ? "****" : value);
        }
    }

    static ObjectNode setting(Setting setting) {
        ObjectNode node = JSON.objectNode();
        node.put("name", setting.name());
        if (setting instanceof Setting.Members m) {
            node.put("type", "members");
            strings(node.putArray("members"), m.members());
            return node;
        }
        Setting.Scalar scalar = (Setting.Scalar) setting;
        node.put("type", "scalar");
        node.put("mutable", scalar.mutable());
        node.put("secret", scalar.secret());
        if (!scalar.secret()) {
            node.put("value", scalar.value());
        }
        return node;
    }

    static SavedSetting setting(JsonNode node, String where) {
        String name = text(node, "name", where);
        String type = text(node, "type", where);
        return switch (type) {
            case "members" -> new SavedSetting(name, true, null, false, false,
                    new LinkedHashSet<>(strings(node, "members", where)));
            case "scalar" -> {
                boolean secret = bool(node, "secret", where);
                yield new SavedSetting(name, false, secret ? null : text(node, "value", where),
                        bool(node, "mutable", where), secret, Set.of());
            }
            default -> throw InvalidInputException.of(where + ".type", type, "it is no setting type",
                    "scalar, members");
        };
    }

    static ObjectNode principal(Principal principal) {
        ObjectNode node = JSON.objectNode();
        if (principal instanceof ServicePrincipal sp) {
            node.put("type", "service_principal");
            sp.applicationId().ifPresent(id -> node.put("applicationId", id.toString()));
            sp.displayName().ifPresent(name -> node.put("displayName", name));
        } else if (principal instanceof User user) {
            node.put("type", "user");
            node.put("email", user.email());
        } else if (principal instanceof DeletedPrincipal deleted) {
            node.put("type", "deleted");
            node.put("principalId", deleted.principalId());
        } else {
            node.put("type", "group");
            node.put("name", principal.grantName());
        }
        return node;
    }

    static Principal principal(JsonNode node, String where) {
        String type = text(node, "type", where);
        return switch (type) {
            case "service_principal" -> node.hasNonNull("applicationId")
                    ? ServicePrincipal.of(ApplicationId.of(text(node, "applicationId", where)))
                    : ServicePrincipal.named(text(node, "displayName", where));
            case "user" -> Principal.user(text(node, "email", where));
            case "group" -> Principal.group(text(node, "name", where));
            case "deleted" -> DeletedPrincipal.of(text(node, "principalId", where));
            default -> throw InvalidInputException.of(where + ".type", type, "it is no principal type",
                    "service_principal, user, group, deleted");
        };
    }

    static ObjectNode securable(Securable securable) {
        ObjectNode node = JSON.objectNode();
        node.put("type", securable.type().apiName());
        ArrayNode parts = node.putArray("parts");
        for (Identifier part : securable.parts()) {
            parts.add(part.value());
        }
        return node;
    }

    static Securable securable(JsonNode node, String where) {
        return Securable.of(SecurableType.parse(text(node, "type", where)), strings(node, "parts", where),
                where + ".parts");
    }

    /** Writes privileges held or changed: principals in full, or (for observed grants) by the name a listing shows. */
    static ArrayNode privileges(List<PrincipalPrivileges> held, boolean byGrantName) {
        ArrayNode array = JSON.arrayNode();
        for (PrincipalPrivileges entry : held) {
            ObjectNode node = array.addObject();
            if (entry.principal() instanceof DeletedPrincipal deleted) {
                node.put("principalId", deleted.principalId());
            } else if (byGrantName) {
                node.put("principal", entry.principal().grantName());
            } else {
                node.set("principal", principal(entry.principal()));
            }
            strings(node.putArray("privileges"), entry.privileges().stream().map(Privilege::sqlName).toList());
        }
        return array;
    }

    static List<PrincipalPrivileges> privileges(JsonNode array, SecurableType type, boolean byGrantName,
            String where) {
        List<PrincipalPrivileges> out = new ArrayList<>();
        int i = 0;
        for (JsonNode node : elements(array, where)) {
            String at = where + "[" + i++ + "]";
            Principal principal = node.hasNonNull("principalId") ? DeletedPrincipal.of(text(node, "principalId", at))
                    : byGrantName ? principalOfGrantName(text(node, "principal", at))
                    : principal(field(node, "principal", at), at + ".principal");
            Set<Privilege> privileges = new LinkedHashSet<>();
            for (String name : strings(node, "privileges", at)) {
                // as read from the service: also names this release does not know or thinks do not apply
                privileges.add(Privilege.observed(name, type));
            }
            out.add(PrincipalPrivileges.of(principal, privileges));
        }
        return out;
    }

    /**
     * Reads a principal saved by the name a grants listing shows, as grant stores read it: an application id (a
     * UUID) is a service principal, a name with {@code @} a user, anything else a group. (The plan package keeps
     * its own copy of this rule so that it does not depend on the SPI, which depends on it.)
     */
    static Principal principalOfGrantName(String grantName) {
        String name = grantName.trim();
        if (UUID.matcher(name).matches()) {
            return Principal.servicePrincipal(ApplicationId.of(name));
        }
        return name.contains("@") ? Principal.user(name) : Principal.group(name);
    }

    static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

    static ObjectNode observedSettings(Map<String, Set<String>> settings) {
        ObjectNode node = JSON.objectNode();
        settings.forEach((name, values) -> strings(node.putArray(name), values));
        return node;
    }

    static JsonNode field(JsonNode node, String name, String where) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            throw InvalidInputException.of(where + "." + name, null, "it is missing", "a saved plan as "
                    + "Plan.write makes it");
        }
        return value;
    }

    static String text(JsonNode node, String name, String where) {
        JsonNode value = field(node, name, where);
        if (!value.isTextual()) {
            throw InvalidInputException.of(where + "." + name, value.toString(), "it is not a string", "a string");
        }
        return value.asText();
    }

    static boolean bool(JsonNode node, String name, String where) {
        JsonNode value = field(node, name, where);
        if (!value.isBoolean()) {
            throw InvalidInputException.of(where + "." + name, value.toString(), "it is not a boolean",
                    "true or false");
        }
        return value.asBoolean();
    }

    static List<String> strings(JsonNode node, String name, String where) {
        List<String> out = new ArrayList<>();
        for (JsonNode element : elements(field(node, name, where), where + "." + name)) {
            if (!element.isTextual()) {
                throw InvalidInputException.of(where + "." + name, element.toString(), "it is not a string",
                        "an array of strings");
            }
            out.add(element.asText());
        }
        return out;
    }

    static Iterable<JsonNode> elements(JsonNode array, String where) {
        if (!array.isArray()) {
            throw InvalidInputException.of(where, array.toString(), "it is not an array", "an array");
        }
        return array::elements;
    }
}
