package dev.lakesetup.benchmarks;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.RetryPolicy;
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
 */
record GrowthFixture(Blueprint blueprint, Lakesetup lakesetup) {
    private static final int SCHEMAS_PER_CATALOG = 100;

    /**
     * Builds the fixture for {@code n} grants.
     *
     * @param n the number of grants
     * @return the fixture
     */
    static GrowthFixture of(int n) {
        ServicePrincipal principal = Principal.servicePrincipal(
                ApplicationId.of(new UUID(0x1234L, n).toString()));
        Principal group = Principal.group("analysts");
        Blueprint.Builder builder = Blueprint.builder();
        Map<Securable, List<PrincipalPrivileges>> live = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Securable schema = Securable.schema("c" + i / SCHEMAS_PER_CATALOG, "s" + i % SCHEMAS_PER_CATALOG);
            builder.grant(Grant.on(schema).to(principal).privileges(USE_SCHEMA, SELECT));
            PrincipalPrivileges groupHolds = PrincipalPrivileges.of(group, Set.of(USE_SCHEMA));
            live.put(schema, i % 2 == 0
                    ? List.of(groupHolds, PrincipalPrivileges.of(principal, Set.of(USE_SCHEMA, SELECT)))
                    : List.of(groupHolds));
        }
        Lakesetup lakesetup = Lakesetup.builder().executor(new InMemoryExecutor(live)).concurrency(1)
                .rateLimitPerSecond(10_000).retryPolicy(RetryPolicy.defaults()).build();
        return new GrowthFixture(builder.build(), lakesetup);
    }
}
