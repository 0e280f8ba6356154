package dev.lakesetup.databricks.internal;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.ApiClient;
import com.databricks.sdk.core.http.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.model.DeletedPrincipal;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.spi.ObservedGrants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and changes Unity Catalog grants with raw JSON through the SDK's {@link ApiClient}: the SDK's typed
 * {@code Privilege} enum turns privileges it does not know into {@code null}, and it cannot send them. All
 * principals' changes on one securable travel in one PATCH.
 */
public final class UcGrants {
    private static final Logger LOG = LoggerFactory.getLogger(UcGrants.class);
    private static final String PERMISSIONS = "/api/2.1/unity-catalog/permissions/";
    private static final String EFFECTIVE = "/api/2.1/unity-catalog/effective-permissions/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most pages one listing may take (a securable rarely holds more than a few hundred grants). */
    static final int MAX_PAGES = 1000;

    private final Supplier<WorkspaceClient> client;
    private final Supplier<String> metastoreId;
    private final int maxPages;

    /**
     * Creates the mapper.
     *
     * @param client supplies the workspace client
     * @param metastoreId supplies the metastore id, which names the metastore securable
     */
    public UcGrants(Supplier<WorkspaceClient> client, Supplier<String> metastoreId) {
        this(client, metastoreId, MAX_PAGES);
    }

    /** Creates the mapper with another bound on the pages of one listing (tests). */
    UcGrants(Supplier<WorkspaceClient> client, Supplier<String> metastoreId, int maxPages) {
        this.client = client;
        this.metastoreId = metastoreId;
        this.maxPages = maxPages;
    }

    /**
     * Reads the direct grants on a securable, following every page.
     *
     * @param securable the securable
     * @return each principal's privileges, or empty when the securable does not exist
     */
    public Optional<List<PrincipalPrivileges>> read(Securable securable) {
        return readAll(securable, PERMISSIONS, "privilege_assignments", "get grants on ");
    }

    /**
     * Reads the effective grants on a securable: direct and inherited privileges of every principal.
     *
     * @param securable the securable
     * @return each principal's privileges, or empty when the securable does not exist
     */
    public Optional<List<PrincipalPrivileges>> readEffective(Securable securable) {
        return readAll(securable, EFFECTIVE, "privilege_assignments", "get effective grants on ");
    }

    /**
     * Sends every principal's additions or removals on one securable in one PATCH.
     *
     * @param securable the securable
     * @param changes the principals (resolved: as the service names them; a deleted one goes by its
     *     {@code principal_id}) and their privileges
     * @param add {@code true} to add the privileges, {@code false} to remove them
     * @return the direct grants on the securable as the service's answer lists them after the change; empty when the
     *     answer carries no {@code privilege_assignments}
     */
    public Optional<List<PrincipalPrivileges>> update(Securable securable, Map<Principal, Set<Privilege>> changes,
            boolean add) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("changes");
        changes.forEach((principal, privileges) -> {
            ObjectNode change = list.addObject();
            if (principal instanceof DeletedPrincipal deleted) {
                change.put("principal_id", deleted.principalId());
            } else {
                change.put("principal", principal.grantName());
            }
            ArrayNode names = change.putArray(add ? "add" : "remove");
            privileges.forEach(p -> names.add(p.apiName()));
        });
        String what = (add ? "grant on " : "revoke on ") + describe(securable);
        JsonNode answer = Calls.run(what, () -> {
            ApiClient api = client.get().apiClient();
            Request request = new Request(Request.PATCH, path(PERMISSIONS, securable), body.toString())
                    .withHeader("Accept", "application/json").withHeader("Content-Type", "application/json");
            return execute(api, request);
        });
        if (answer == null || !answer.path("privilege_assignments").isArray()) {
            return Optional.empty();
        }
        Map<Principal, Set<Privilege>> held = new LinkedHashMap<>();
        collect(answer, "privilege_assignments", securable, held);
        return Optional.of(toList(held));
    }

    private Optional<List<PrincipalPrivileges>> readAll(Securable securable, String base, String field,
            String verb) {
        String what = verb + describe(securable);
        String path = path(base, securable);
        Map<Principal, Set<Privilege>> merged = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        String token = null;
        for (int pages = 0; ; pages++) {
            if (pages == maxPages) {
                throw endless(what, "it still had a next_page_token after " + maxPages + " pages");
            }
            String pageToken = token;
            Optional<JsonNode> page = Calls.read(what, () -> {
                // max_results=0: the paginated listing, pages of the length the service chooses
                Request request = new Request(Request.GET, path).withHeader("Accept", "application/json")
                        .withQueryParam("max_results", "0");
                if (pageToken != null) {
                    request.withQueryParam("page_token", pageToken);
                }
                return execute(client.get().apiClient(), request);
            });
            if (page.isEmpty()) {
                return Optional.empty();
            }
            collect(page.get(), field, securable, merged);
            token = page.get().path("next_page_token").asText("");
            if (token.isEmpty()) {
                return Optional.of(toList(merged));
            }
            if (!seen.add(token)) {
                throw endless(what, "it answered a next_page_token it had answered before");
            }
        }
    }

    /** A listing that does not end: retrying would loop the same way, so the failure is fatal. */
    private static ServiceException endless(String what, String why) {
        return ServiceException.builder(ServiceException.Failure.FATAL, what + " failed: the grants listing did "
                + "not end (" + why + "); stopped reading").build();
    }

    /** Adds each principal's privileges listed under {@code field} of an answer to {@code merged}. */
    private static void collect(JsonNode answer, String field, Securable securable,
            Map<Principal, Set<Privilege>> merged) {
        for (JsonNode assignment : answer.path(field)) {
            Principal who = principalOf(assignment);
            if (who == null) {
                continue;
            }
            Set<Privilege> held = merged.computeIfAbsent(who, p -> new LinkedHashSet<>());
            for (JsonNode privilege : assignment.path("privileges")) {
                String name = privilege.isObject() ? privilege.path("privilege").asText(null) : privilege.asText(null);
                parse(name, securable.type()).ifPresent(held::add);
            }
        }
    }

    /**
     * Returns the principal an assignment names; a deleted principal's assignment has an empty {@code principal}
     * and a {@code principal_id}. Null when it names neither.
     */
    private static Principal principalOf(JsonNode assignment) {
        String principal = assignment.path("principal").asText("");
        if (!principal.isEmpty()) {
            return ObservedGrants.principalOf(principal);
        }
        String id = assignment.path("principal_id").asText("");
        if (id.isEmpty()) {
            return null;
        }
        try {
            return DeletedPrincipal.of(id);
        } catch (InvalidInputException e) {
            LOG.warn("Ignoring a grant to a principal_id lakesetup cannot use: {}", e.getMessage());
            return null;
        }
    }

    private static List<PrincipalPrivileges> toList(Map<Principal, Set<Privilege>> merged) {
        List<PrincipalPrivileges> out = new ArrayList<>(merged.size());
        merged.forEach((principal, privileges) -> {
            if (!privileges.isEmpty()) {
                out.add(PrincipalPrivileges.of(principal, privileges));
            }
        });
        return out;
    }

    /**
     * Reads a privilege as the service spells it, keeping every name: ones this release does not know, ones it
     * thinks do not apply to the type, and oddly spelled ones ({@link Privilege#observed}), so an exclusive securable
     * can revoke all that is held.
     *
     * @param name the service's spelling
     * @param type the securable type
     * @return the privilege, or empty when the name is missing or blank
     */
    static Optional<Privilege> parse(String name, SecurableType type) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Privilege.observed(name, type));
    }

    private String path(String base, Securable securable) {
        String fullName = securable.type() == SecurableType.METASTORE ? metastoreId.get() : securable.fullName();
        return base + securable.type().apiName() + "/" + PathNames.segment("securable name", fullName);
    }

    private static JsonNode execute(ApiClient api, Request request) {
        try {
            // The SDK fills a new instance of the target type, so read into a map and convert.
            LinkedHashMap<?, ?> body = api.execute(request, LinkedHashMap.class);
            return body == null ? JSON.createObjectNode() : JSON.valueToTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Securable securable) {
        return securable.type().apiName() + " " + (securable.type() == SecurableType.METASTORE ? "metastore"
                : securable.fullName());
    }
}
