package dev.lakesetup.core.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Identifier;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.User;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Writes and reads {@link RunRecord}s as JSON: the one place that knows the format and its versions. */
final class RunRecordJson {
    static final String FORMAT = "lakesetup-run-record";
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RunRecordJson() {
    }

    static String write(RunRecord record) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("lakesetupVersion", record.lakesetupVersion());
        root.put("recordedAt", record.recordedAt().toString());
        ids(root.putArray("created"), record.created());
        ids(root.putArray("adopted"), record.adopted());
        grants(root.putArray("grantedNew"), record.grantedNew());
        grants(root.putArray("heldBefore"), record.heldBefore());
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run record could not be written as JSON", e);
        }
    }

    private static void ids(ArrayNode array, Set<ResourceId> ids) {
        for (ResourceId id : ids) {
            array.addObject().put("kind", id.kind()).put("key", id.key());
        }
    }

    private static void grants(ArrayNode array, List<RecordedGrant> grants) {
        for (RecordedGrant grant : grants) {
            ObjectNode node = array.addObject();
            ObjectNode securable = node.putObject("securable");
            securable.put("type", grant.securable().type().apiName());
            ArrayNode parts = securable.putArray("parts");
            grant.securable().parts().stream().map(Identifier::value).forEach(parts::add);
            node.put("principal", grant.principal().grantName());
            node.put("principalType", principalType(grant.principal()));
            ArrayNode privileges = node.putArray("privileges");
            grant.privileges().stream().map(Privilege::sqlName).forEach(privileges::add);
        }
    }

    static RunRecord read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("run record", "(text)", "it is not JSON: " + e.getOriginalMessage(),
                    "the JSON RunRecord.toJson() writes");
        }
        if (root == null || !root.isObject()) {
            throw InvalidInputException.of("run record", "(text)", "it is not a JSON object",
                    "the JSON RunRecord.toJson() writes");
        }
        String format = text(root, "format", "run record");
        if (!FORMAT.equals(format)) {
            throw InvalidInputException.of("run record.format", format, "it is not a run record", FORMAT);
        }
        JsonNode version = field(root, "version", "run record");
        if (!version.isInt() || version.intValue() != VERSION) {
            throw InvalidInputException.of("run record.version", version.toString(), "this release reads version "
                    + VERSION + " only (a newer lakesetup wrote it?)", String.valueOf(VERSION));
        }
        return new RunRecord(text(root, "lakesetupVersion", "run record"), instant(root),
                ids(root, "created"), ids(root, "adopted"), ledger(root, "grantedNew"), ledger(root, "heldBefore"));
    }

    private static Instant instant(JsonNode root) {
        String text = text(root, "recordedAt", "run record");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("run record.recordedAt", text, "it is not an instant",
                    "an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static Set<ResourceId> ids(JsonNode root, String name) {
        Set<ResourceId> ids = new TreeSet<>();
        int i = 0;
        for (JsonNode node : array(root, name, "run record")) {
            String at = "run record." + name + "[" + i++ + "]";
            ids.add(ResourceId.of(text(node, "kind", at), text(node, "key", at)));
        }
        return ids;
    }

    private static GrantLedger ledger(JsonNode root, String name) {
        GrantLedger ledger = new GrantLedger();
        int i = 0;
        for (JsonNode node : array(root, name, "run record")) {
            String at = "run record." + name + "[" + i++ + "]";
            Securable securable = securable(field(node, "securable", at), at + ".securable");
            Set<Privilege> privileges = new LinkedHashSet<>();
            for (JsonNode privilege : array(node, "privileges", at)) {
                privileges.add(Privilege.observed(privilege.asText(), securable.type()));
            }
            ledger.add(new RecordedGrant(securable, principal(text(node, "principal", at),
                    text(node, "principalType", at), at), privileges));
        }
        return ledger;
    }

    private static Securable securable(JsonNode node, String where) {
        List<String> parts = new ArrayList<>();
        for (JsonNode part : array(node, "parts", where)) {
            parts.add(part.asText());
        }
        return Securable.of(SecurableType.parse(text(node, "type", where)), parts, where + ".parts");
    }

    private static String principalType(Principal principal) {
        if (principal instanceof ServicePrincipal) {
            return "service_principal";
        }
        return principal instanceof User ? "user" : "group";
    }

    /** Reads a principal by the name grants use; a service principal the run created is named by display name. */
    private static Principal principal(String name, String type, String where) {
        return switch (type) {
            case "service_principal" -> UUID.matcher(name).matches()
                    ? Principal.servicePrincipal(ApplicationId.of(name)) : Principal.servicePrincipalNamed(name);
            case "user" -> Principal.user(name);
            case "group" -> Principal.group(name);
            default -> throw InvalidInputException.of(where + ".principalType", type, "it is no principal type",
                    "service_principal, user, group");
        };
    }

    private static JsonNode field(JsonNode node, String name, String where) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw InvalidInputException.of(where + "." + name, "(missing)", "it is required",
                    "the field as RunRecord.toJson() writes it");
        }
        return value;
    }

    private static String text(JsonNode node, String name, String where) {
        JsonNode value = field(node, name, where);
        if (!value.isTextual()) {
            throw InvalidInputException.of(where + "." + name, value.toString(), "it is not a string", "a string");
        }
        return value.asText();
    }

    private static Iterable<JsonNode> array(JsonNode node, String name, String where) {
        JsonNode value = field(node, name, where);
        if (!value.isArray()) {
            throw InvalidInputException.of(where + "." + name, value.getNodeType().toString(), "it is not an array",
                    "an array");
        }
        return value;
    }
}
