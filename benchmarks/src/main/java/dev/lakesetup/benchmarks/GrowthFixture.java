package dev.lakesetup.benchmarks;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The planner workload of W3: {@code n} grants of USE SCHEMA and SELECT on {@code n} schemas (100 per catalog), and
 * a live state in memory where every other schema already holds them and every schema has a grant to a group.
 *
 * <p>The fixture's state is keyed by the blueprint's own schema objects, so the in-memory read finds each one at
 * the first comparison (identity) instead of comparing names held in a different part of the heap: that read
 * stands in for the service, and at 100k schemas those comparisons were cache misses that grew faster than the
 * number of grants. The planner's work is the same either way (it looks grants up in the map the read returns).
 * {@link #state(int)} and {@link #blueprint(int)} build objects of their own, for measuring retained memory apart.
 *
 * @param blueprint the desired state
 * @param lakesetup an instance reading the state from memory
 * @param state the instance's only executor, which serves the state
 */
record GrowthFixture(Blueprint blueprint, Lakesetup lakesetup, InMemoryExecutor state) {
    private static final int SCHEMAS_PER_CATALOG = 100;

    /**
     * Builds the fixture for {@code n} grants.
     *
     * @param n the number of grants
     * @return the fixture
     */
    static GrowthFixture of(int n) {
        List<Securable> schemas = schemas(n);
        InMemoryExecutor state = state(schemas);
        return new GrowthFixture(blueprint(schemas), lakesetup(state), state);
    }

    /** Returns an instance whose only executor is this one. */
    static Lakesetup lakesetup(InMemoryExecutor state) {
        return Lakesetup.builder().executor(state).concurrency(1).build();
    }

    /** Returns the live state for {@code n} grants, served from memory. */
    static InMemoryExecutor state(int n) {
        return state(schemas(n));
    }

    private static InMemoryExecutor state(List<Securable> schemas) {
        int n = schemas.size();
        Principal group = Principal.group("analysts");
        ServicePrincipal principal = principal(n);
        Map<Securable, List<PrincipalPrivileges>> live = new HashMap<>();
        PrincipalPrivileges groupHolds = PrincipalPrivileges.of(group, Set.of(USE_SCHEMA));
        PrincipalPrivileges principalHolds = PrincipalPrivileges.of(principal, Set.of(USE_SCHEMA, SELECT));
        for (int i = 0; i < n; i++) {
            live.put(schemas.get(i), i % 2 == 0 ? List.of(groupHolds, principalHolds) : List.of(groupHolds));
        }
        return new InMemoryExecutor(live);
    }

    /** Returns the blueprint of {@code n} grants. */
    static Blueprint blueprint(int n) {
        return blueprint(schemas(n));
    }

    private static Blueprint blueprint(List<Securable> schemas) {
        ServicePrincipal principal = principal(schemas.size());
        Blueprint.Builder builder = Blueprint.builder();
        for (Securable schema : schemas) {
            builder.grant(Grant.on(schema).to(principal).privileges(USE_SCHEMA, SELECT));
        }
        return builder.build();
    }

    private static List<Securable> schemas(int n) {
        List<Securable> schemas = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            schemas.add(schema(i));
        }
        return schemas;
    }

    private static ServicePrincipal principal(int n) {
        return Principal.servicePrincipal(ApplicationId.of(new UUID(0x1234L, n).toString()));
    }

    private static Securable schema(int i) {
        return Securable.schema("c" + i / SCHEMAS_PER_CATALOG, "s" + i % SCHEMAS_PER_CATALOG);
    }
}
