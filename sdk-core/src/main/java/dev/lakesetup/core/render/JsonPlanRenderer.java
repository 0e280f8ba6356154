package dev.lakesetup.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.DeletedPrincipal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.Setting;
import dev.lakesetup.core.model.User;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PlanSummary;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.plan.SettingChange;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a plan as the version 2 JSON document of {@code docs/plan-json.md}: per change its id, action, kind,
 * object and dependencies, and its values, Terraform-style (settings with before and after, privileges per principal
 * with what is added and removed). Every string passes through {@link ServiceText}, so service-provided text stays
 * one line of data even for readers that print values raw; Jackson does the JSON escaping. Secrets show as
 * {@code "****"} with {@code "sensitive": true}.
 */
final class JsonPlanRenderer {
    /** The schema version; changed only for incompatible changes. */
    static final String FORMAT_VERSION = "2";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonPlanRenderer() {
    }

    static String render(Plan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        ObjectNode summary = root.putObject("summary");
        PlanSummary counts = plan.summary();
        for (Action action : Action.values()) {
            summary.put(action.name().toLowerCase(Locale.ROOT), counts.count(action));
        }
        ArrayNode resolved = root.putArray("resolved_principals");
        plan.resolvedPrincipals().entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getKey().grantName()))
                .forEach(entry -> resolved.addObject().put("display_name", text(entry.getKey().grantName()))
                        .put("application_id", entry.getValue().toString()));
        ArrayNode changes = root.putArray("changes");
        for (Change change : plan.changes()) {
            ObjectNode node = changes.addObject();
            change(node, change, plan.resolvedPrincipals());
            if (change instanceof ResourceChange rc) {
                secretExpiry(node, plan, rc);
            }
        }
        if (!plan.notes().isEmpty()) {
            ArrayNode notes = root.putArray("notes");
            plan.notes().stream().map(JsonPlanRenderer::text).forEach(notes::add);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new LakesetupException("rendering the plan as JSON failed", e);
        }
    }

    private static void change(ObjectNode node, Change change, Map<ServicePrincipal, ApplicationId> resolved) {
        node.put("id", text(change.id().value()));
        node.put("action", change.action().name());
        node.put("kind", change.kind());
        ObjectNode object = node.putObject("object");
        ArrayNode dependsOn = node.putArray("depends_on");
        change.dependsOn().stream().map(ChangeId::value).map(JsonPlanRenderer::text).forEach(dependsOn::add);
        change.accept(new Change.Visitor<Void>() {
            @Override
            public Void resource(ResourceChange c) {
                object.put("kind", c.resource().id().kind());
                object.put("name", text(c.resource().id().key()));
                ArrayNode settings = node.putArray("settings");
                c.settings().forEach(setting -> setting(settings.addObject(), setting, c.action()));
                return null;
            }

            @Override
            public Void grants(GrantChange c) {
                object.put("kind", c.securable().type().apiName());
                String name = c.securable().fullName().toLowerCase(Locale.ROOT);
                object.put("name", name.isEmpty() ? null : text(name));
                ArrayNode privileges = node.putArray("privileges");
                c.privileges().forEach(entry -> privileges(privileges.addObject(), entry, c.action(), resolved));
                return null;
            }
        });
    }

    /** Adds, to an OAuth secret's change, the live expiry and the new secret's lifetime ({@code secret_expiry}). */
    private static void secretExpiry(ObjectNode node, Plan plan, ResourceChange change) {
        SecretExpiry.secretOf(change).ifPresent(secret -> {
            ObjectNode expiry = node.putObject("secret_expiry");
            expiry.put("active_secret", SecretExpiry.liveExists(plan, change));
            expiry.put("expire_time", SecretExpiry.liveExpiry(plan, change).orElse(null));
            if (change.action() == Action.CREATE) {
                expiry.put("new_secret_lifetime_seconds", secret.lifetime().orElse(OAuthSecret.MAX_LIFETIME)
                        .toSeconds());
                expiry.put("reason", SecretExpiry.reason(plan, change, secret, SecretExpiry.liveExpiry(plan, change))
                        .orElse(null));
            }
        });
    }

    private static void setting(ObjectNode node, SettingChange setting, Action action) {
        node.put("name", text(setting.name()));
        if (setting.declared() instanceof Setting.Members members) {
            if (action == Action.CREATE) {
                node.putNull("before");
            } else {
                strings(node.putArray("before"), setting.before());
            }
            strings(node.putArray("after"), members.members());
        } else {
            Setting.Scalar scalar = (Setting.Scalar) setting.declared();
            if (setting.before().isEmpty()) {
                node.putNull("before");
            } else if (setting.before().size() == 1) {
                node.put("before", text(setting.before().iterator().next()));
            } else {
                strings(node.putArray("before"), setting.before());
            }
            node.put("after", scalar.secret() ? Secret.MASK : text(scalar.value()));
        }
        node.put("sensitive", setting.isSensitive());
        node.put("immutable", setting.isImmutable());
        if (setting.declared() instanceof Setting.Members) {
            strings(node.putArray("add"), setting.missing());
        }
    }

    private static void privileges(ObjectNode node, PrincipalPrivileges entry, Action action,
            Map<ServicePrincipal, ApplicationId> resolved) {
        principal(node, entry, resolved);
        ArrayNode add = node.putArray("add");
        ArrayNode remove = node.putArray("remove");
        ArrayNode target = switch (action) {
            case GRANT -> add;
            case REVOKE, CONFLICT -> remove;
            case NO_OP -> node.putArray("unchanged");
            case CREATE, UPDATE, DELETE -> throw new IllegalStateException("a grant change is never " + action);
        };
        entry.privileges().stream().map(Privilege::sqlName).map(JsonPlanRenderer::text).forEach(target::add);
    }

    /**
     * Names the principal as the service does: an application id, an e-mail, a group name, the id of a deleted
     * principal; a service principal not created yet has no id ({@code null}) and shows its display name.
     */
    private static void principal(ObjectNode node, PrincipalPrivileges entry,
            Map<ServicePrincipal, ApplicationId> resolved) {
        if (entry.principal() instanceof ServicePrincipal sp) {
            ApplicationId id = sp.applicationId().orElse(resolved.get(sp));
            node.put("principal", id == null ? null : id.toString());
            node.put("principal_type", "service_principal");
            sp.displayName().ifPresent(name -> node.put("display_name", text(name)));
        } else if (entry.principal() instanceof DeletedPrincipal deleted) {
            node.put("principal", text(deleted.principalId()));
            node.put("principal_type", "deleted");
        } else {
            node.put("principal", text(entry.principal().grantName()));
            node.put("principal_type", entry.principal() instanceof User ? "user" : "group");
        }
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        values.stream().map(JsonPlanRenderer::text).forEach(array::add);
    }

    private static String text(String value) {
        return ServiceText.escape(value);
    }
}
