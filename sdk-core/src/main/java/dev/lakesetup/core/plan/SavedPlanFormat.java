package dev.lakesetup.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a plan to, and reads it from, the saved plan document ({@code lakesetup.saved-plan/v2}, described in
 * {@code docs/saved-plan.md}): the one place that knows the format, so a later version can be added here.
 */
final class SavedPlanFormat {
    /** The schema name and version written. */
    static final String SCHEMA = "lakesetup.saved-plan/v2";
    /** The version before, still read: a setting's {@code before} was the live value as shown. */
    static final String SCHEMA_V1 = "lakesetup.saved-plan/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SavedPlanFormat() {
    }

    /** A resource change as saved: the resource by id and declared settings, to be matched with a blueprint. */
    record SavedResourceChange(ChangeId id, Action action, ResourceId resource,
            List<SavedValues.SavedSetting> declared, List<SavedSettingChange> settings, Set<ChangeId> dependsOn) {
    }

    /** A setting change as saved: the declared setting by name, the live values and the missing members. */
    record SavedSettingChange(String name, Set<String> before, Set<String> missing) {
    }

    /** The parts of a saved plan read so far: the changes in order and the live state they were planned against. */
    private record Read(List<Object> changes, Map<ResourceId, Map<String, Set<String>>> observed,
            Map<Securable, List<PrincipalPrivileges>> grants) {
    }

    static String write(Plan plan) {
        PlanBasis basis = plan.basis().orElseThrow();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        ArrayNode resolved = root.putArray("resolvedPrincipals");
        plan.resolvedPrincipals().forEach((principal, id) -> {
            ObjectNode node = resolved.addObject();
            node.set("principal", SavedValues.principal(principal));
            node.put("applicationId", id.toString());
        });
        ArrayNode changes = root.putArray("changes");
        for (Change change : plan.changes()) {
            ObjectNode node = changes.addObject();
            node.put("id", change.id().value());
            node.put("action", change.action().name());
            SavedValues.strings(node.putArray("dependsOn"), change.dependsOn().stream().map(ChangeId::value)
                    .toList());
            change.accept(new Change.Visitor<Void>() {
                @Override
                public Void resource(ResourceChange c) {
                    writeResource(node, c, basis);
                    return null;
                }

                @Override
                public Void grants(GrantChange c) {
                    node.set("securable", SavedValues.securable(c.securable()));
                    node.set("privileges", SavedValues.privileges(c.privileges(), false));
                    node.set("observed", SavedValues.privileges(basis.grantsOn(c.securable()), true));
                    return null;
                }
            });
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new LakesetupException("writing the plan as JSON failed", e);
        }
    }

    private static void writeResource(ObjectNode node, ResourceChange change, PlanBasis basis) {
        ObjectNode resource = node.putObject("resource");
        resource.put("kind", change.resource().id().kind());
        resource.put("key", change.resource().id().key());
        ArrayNode declared = resource.putArray("declared");
        for (Setting setting : change.resource().settings()) {
            declared.add(SavedValues.setting(setting));
        }
        ArrayNode settings = node.putArray("settings");
        for (SettingChange setting : change.settings()) {
            ObjectNode entry = settings.addObject();
            entry.put("name", setting.name());
            SavedValues.strings(entry.putArray("before"), setting.before());
            SavedValues.strings(entry.putArray("missing"), setting.missing());
        }
        Map<String, Set<String>> observed = basis.resources().get(change.resource().id());
        if (observed == null) {
            node.putNull("observed");
        } else {
            node.set("observed", SavedValues.observedSettings(observed));
        }
    }

    static SavedPlan read(String json) {
        JsonNode root = root(json);
        Map<ServicePrincipal, ApplicationId> resolved = new HashMap<>();
        int i = 0;
        for (JsonNode node : SavedValues.elements(SavedValues.field(root, "resolvedPrincipals", "plan"),
                "resolvedPrincipals")) {
            String at = "resolvedPrincipals[" + i++ + "]";
            if (SavedValues.principal(SavedValues.field(node, "principal", at), at) instanceof ServicePrincipal sp) {
                resolved.put(sp, ApplicationId.of(SavedValues.text(node, "applicationId", at)));
            }
        }
        Read read = new Read(new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        i = 0;
        for (JsonNode node : SavedValues.elements(SavedValues.field(root, "changes", "plan"), "changes")) {
            readChange(node, "changes[" + i++ + "]", read);
        }
        return new SavedPlan(read.changes(), resolved, new PlanBasis(read.observed(), read.grants()));
    }

    /** Parses the document and checks that it is a saved plan of the version this release reads. */
    private static JsonNode root(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(InvalidInputException.requireNonNull(json, "saved plan"));
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("saved plan", null, "it is not JSON: " + e.getOriginalMessage(),
                    "a saved plan as Plan.write makes it");
        }
        if (root == null || !root.isObject()) {
            throw InvalidInputException.of("saved plan", null, "it is not a JSON object",
                    "a saved plan as Plan.write makes it");
        }
        String schema = root.path("schema").asText("");
        if (!SCHEMA.equals(schema) && !SCHEMA_V1.equals(schema)) {
            throw InvalidInputException.of("saved plan schema", schema, "this release does not read it (plan "
                    + "again with this release)", SCHEMA + " or " + SCHEMA_V1);
        }
        return root;
    }

    /** Reads one saved change with the live state planned against it. */
    private static void readChange(JsonNode node, String at, Read read) {
        ChangeId id = ChangeId.of(SavedValues.text(node, "id", at));
        Action action = action(SavedValues.text(node, "action", at), at);
        Set<ChangeId> dependsOn = new LinkedHashSet<>();
        SavedValues.strings(node, "dependsOn", at).forEach(dependency -> dependsOn.add(ChangeId.of(dependency)));
        if (node.has("resource")) {
            SavedResourceChange change = readResource(node, id, action, dependsOn, at);
            read.changes().add(change);
            JsonNode seen = node.get("observed");
            if (seen != null && !seen.isNull()) {
                read.observed().put(change.resource(), observedSettings(seen, at + ".observed"));
            }
            return;
        }
        Securable securable = SavedValues.securable(SavedValues.field(node, "securable", at), at + ".securable");
        read.changes().add(new GrantChange(id, action, securable, SavedValues.privileges(SavedValues.field(node,
                "privileges", at), securable.type(), false, at + ".privileges"), dependsOn));
        read.grants().put(securable, SavedValues.privileges(SavedValues.field(node, "observed", at),
                securable.type(), true, at + ".observed"));
    }

    private static SavedResourceChange readResource(JsonNode node, ChangeId id, Action action,
            Set<ChangeId> dependsOn, String at) {
        JsonNode resource = SavedValues.field(node, "resource", at);
        ResourceId resourceId = ResourceId.of(SavedValues.text(resource, "kind", at + ".resource"),
                SavedValues.text(resource, "key", at + ".resource"));
        List<SavedValues.SavedSetting> declared = new ArrayList<>();
        int i = 0;
        for (JsonNode setting : SavedValues.elements(SavedValues.field(resource, "declared", at + ".resource"),
                at + ".resource.declared")) {
            declared.add(SavedValues.setting(setting, at + ".resource.declared[" + i++ + "]"));
        }
        List<SavedSettingChange> settings = new ArrayList<>();
        i = 0;
        for (JsonNode setting : SavedValues.elements(SavedValues.field(node, "settings", at), at + ".settings")) {
            String where = at + ".settings[" + i++ + "]";
            settings.add(new SavedSettingChange(SavedValues.text(setting, "name", where),
                    before(setting, where),
                    new LinkedHashSet<>(SavedValues.strings(setting, "missing", where))));
        }
        return new SavedResourceChange(id, action, resourceId, declared, settings, dependsOn);
    }

    /** Reads a setting's live values: an array (v2), or the value as a v1 file shows it ({@code (none)}: none). */
    private static Set<String> before(JsonNode setting, String where) {
        JsonNode before = setting.get("before");
        if (before != null && before.isArray()) {
            return new LinkedHashSet<>(SavedValues.strings(setting, "before", where));
        }
        String text = SavedValues.text(setting, "before", where);
        return text.equals("(none)") ? Set.of() : Set.of(text);
    }

    /** Reads a resource's live settings: an object of setting names to arrays of values. */
    private static Map<String, Set<String>> observedSettings(JsonNode node, String at) {
        if (!node.isObject()) {
            throw InvalidInputException.of(at, node.toString(), "it is not an object",
                    "null or an object of setting names to arrays of values");
        }
        Map<String, Set<String>> settings = new LinkedHashMap<>();
        node.fieldNames().forEachRemaining(name -> settings.put(name,
                new LinkedHashSet<>(SavedValues.strings(node, name, at))));
        return settings;
    }

    private static Action action(String text, String at) {
        for (Action action : Action.values()) {
            if (action.name().equals(text)) {
                return action;
            }
        }
        throw InvalidInputException.of(at + ".action", text, "it is no action",
                "CREATE, UPDATE, GRANT, REVOKE, NO_OP, CONFLICT");
    }
}
