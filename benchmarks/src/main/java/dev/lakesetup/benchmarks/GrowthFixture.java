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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The planner workload of W3: {@code n} grants of USE SCHEMA and SELECT on {@code n} schemas (100 per catalog), and
 * a live state in memory where every other schema already holds them and every schema has a grant to a group.
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
        InMemoryExecutor state = state(n);
        return new GrowthFixture(blueprint(n), lakesetup(state), state);
    }

    /** Returns an instance whose only executor is this one. */
    static Lakesetup lakesetup(InMemoryExecutor state) {
        return Lakesetup.builder().executor(state).concurrency(1).rateLimitPerSecond(10_000).build();
    }

    /** Returns the live state for {@code n} grants, served from memory. */
    static InMemoryExecutor state(int n) {
        Principal group = Principal.group("analysts");
        ServicePrincipal principal = principal(n);
        Map<Securable, List<PrincipalPrivileges>> live = new HashMap<>();
        PrincipalPrivileges groupHolds = PrincipalPrivileges.of(group, Set.of(USE_SCHEMA));
        PrincipalPrivileges principalHolds = PrincipalPrivileges.of(principal, Set.of(USE_SCHEMA, SELECT));
        for (int i = 0; i < n; i++) {
            live.put(schema(i), i % 2 == 0 ? List.of(groupHolds, principalHolds) : List.of(groupHolds));
        }
        return new InMemoryExecutor(live);
    }

    /** Returns the blueprint of {@code n} grants. */
    static Blueprint blueprint(int n) {
        ServicePrincipal principal = principal(n);
        Blueprint.Builder builder = Blueprint.builder();
        for (int i = 0; i < n; i++) {
            builder.grant(Grant.on(schema(i)).to(principal).privileges(USE_SCHEMA, SELECT));
        }
        return builder.build();
    }

    private static ServicePrincipal principal(int n) {
        return Principal.servicePrincipal(ApplicationId.of(new UUID(0x1234L, n).toString()));
    }

    private static Securable schema(int i) {
        return Securable.schema("c" + i / SCHEMAS_PER_CATALOG, "s" + i % SCHEMAS_PER_CATALOG);
    }
}
