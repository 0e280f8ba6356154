package dev.lakesetup.core.plan;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.Setting;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.GrantStore;
import dev.lakesetup.core.spi.ResourceHandler;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import dev.lakesetup.core.testing.InterceptingExecutor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Planning looks up every principal the blueprint names, once each, and fails naming the ones that do not exist. */
class PrincipalCheckTest {
    private static final ApplicationId GHOST_APP = ApplicationId.of("9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f");

    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    private final List<Principal> asked = new CopyOnWriteArrayList<>();

    /** A directory that knows the group analysts and the user ana@example.com, and nobody else. */
    private final class Directory extends InterceptingExecutor {
        Directory() {
            super(workspace);
        }

        @Override
        public Optional<PrincipalLookup> lookUp(Principal principal) {
            asked.add(principal);
            boolean known = principal.equals(Principal.group("analysts"))
                    || principal.equals(Principal.user("ana@example.com"));
            String query = "directory?name=" + principal.grantName();
            return Optional.of(known ? PrincipalLookup.found(principal, query)
                    : PrincipalLookup.missing(principal, query));
        }
    }

    private Lakesetup lakesetup() {
        return Lakesetup.builder().executor(new Directory()).clock(time).sleeper(time)
                .retryPolicy(Fixtures.exactPolicy()).build();
    }

    @Test
    void plan_whenGranteesDoNotExist_failsNamingEachAndWhatWasLookedUp() {
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(Securable.catalog("sales")).to(Principal.group("analysts")).privileges(USE_CATALOG))
                .grant(Grant.on(Securable.catalog("sales")).to(Principal.servicePrincipal(GHOST_APP))
                        .privileges(USE_CATALOG))
                .grant(Grant.on(Securable.schema("sales", "s")).to(Principal.group("Ghosts")).privileges(SELECT))
                .build();

        PrincipalNotFoundException e = catchThrowableOfType(PrincipalNotFoundException.class,
                () -> lakesetup().plan(blueprint));

        assertThat(e).isNotNull();
        assertThat(e.missing()).extracting(PrincipalLookup::principal)
                .containsExactly(Principal.servicePrincipal(GHOST_APP), Principal.group("Ghosts"));
        assertThat(e.getMessage()).contains("2 principals the workspace does not know")
                .contains("service principal " + GHOST_APP + " not found (directory?name=" + GHOST_APP + ")")
                .contains("group Ghosts not found (directory?name=Ghosts)");
    }

    @Test
    void plan_looksUpEachDistinctPrincipalOnce_includingWarehouseAndSecretHolders() {
        Blueprint.Builder blueprint = Blueprint.builder()
                .resource(WarehousePermission.canUse("wh1", Principal.user("ana@example.com")));
        for (int i = 0; i < 5; i++) {
            blueprint.grant(Grant.on(Securable.catalog("c" + i)).to(Principal.group("analysts"))
                    .privileges(USE_CATALOG));
            blueprint.grant(Grant.on(Securable.catalog("c" + i)).to(Principal.group("ANALYSTS")).privileges(SELECT));
        }

        lakesetup().plan(blueprint.build());

        assertThat(asked).containsExactlyInAnyOrder(Principal.user("ana@example.com"), Principal.group("analysts"));
    }

    @Test
    void plan_whenThePlanCreatesTheServicePrincipal_doesNotLookItUp() {
        WorkspaceServicePrincipal created = WorkspaceServicePrincipal.named("segment-data-graph");
        WorkspaceServicePrincipal byId = WorkspaceServicePrincipal.ofApplication(GHOST_APP, "vendor");
        Blueprint blueprint = Blueprint.builder().resource(created).resource(byId)
                .resource(OAuthSecret.forPrincipal(created.principal(), credentials -> { }))
                .grant(Grant.on(Securable.catalog("sales")).to(created.principal()).privileges(USE_CATALOG))
                .grant(Grant.on(Securable.catalog("sales")).to(byId.principal()).privileges(USE_CATALOG))
                .build();

        Plan plan = lakesetup().plan(blueprint);

        assertThat(asked).isEmpty();
        assertThat(plan.summary().toString()).contains("1 to grant");
    }

    @Test
    void plan_whenNoExecutorCanCheckPrincipals_plansWithoutLookingThemUp() {
        Lakesetup plain = Fixtures.lakesetup(workspace, time).build();

        Plan plan = plain.plan(Blueprint.builder().grant(Grant.on(Securable.catalog("sales"))
                .to(Principal.group("Ghosts")).privileges(Set.of(SELECT))).build());

        assertThat(plan.changes()).hasSize(1);
    }

    /** A kind the engine has never seen that names a principal: a job permission, known only to its own executor. */
    record JobPermission(String job, Principal principal) implements Resource {
        @Override
        public ResourceId id() {
            return ResourceId.of("job_permission", job + "/" + principal.grantName());
        }

        @Override
        public List<Setting> settings() {
            return List.of(Setting.mutable("permission level", "CAN_VIEW"));
        }

        @Override
        public Set<Principal> principals() {
            return Set.of(principal);
        }
    }

    /** Handles job permissions only: none exists yet. */
    private static Executor jobs() {
        ResourceHandler<JobPermission> handler = new ResourceHandler<>() {
            @Override
            public Class<JobPermission> type() {
                return JobPermission.class;
            }

            @Override
            public Map<ResourceId, JobPermission> read(List<JobPermission> resources, ExecutionContext context) {
                return Map.of();
            }

            @Override
            public ChangeResult apply(ResourceChange change, JobPermission resource, ExecutionContext context) {
                throw new UnsupportedOperationException("not applied in these tests");
            }
        };
        return new Executor() {
            @Override
            public String name() {
                return "jobs";
            }

            @Override
            public List<ResourceHandler<?>> resourceHandlers() {
                return List.of(handler);
            }

            @Override
            public List<GrantStore> grantStores() {
                return List.of();
            }
        };
    }

    private Lakesetup withJobs() {
        return Lakesetup.builder().executor(new Directory()).executor(jobs()).clock(time).sleeper(time)
                .retryPolicy(Fixtures.exactPolicy()).build();
    }

    @Test
    void plan_whenANewKindNamesAPrincipalThatDoesNotExist_failsNamingIt() {
        Blueprint blueprint = Blueprint.builder().resource(new JobPermission("nightly", Principal.group("Ghosts")))
                .resource(new JobPermission("nightly", Principal.group("analysts"))).build();

        PrincipalNotFoundException e = catchThrowableOfType(PrincipalNotFoundException.class,
                () -> withJobs().plan(blueprint));

        assertThat(e).isNotNull();
        assertThat(e.missing()).extracting(PrincipalLookup::principal).containsExactly(Principal.group("Ghosts"));
        assertThat(asked).containsExactlyInAnyOrder(Principal.group("Ghosts"), Principal.group("analysts"));
    }

    @Test
    void plan_whenANewKindNamesAServicePrincipalByDisplayName_resolvesIt() {
        workspace.seedPrincipal("etl", GHOST_APP);
        ServicePrincipal etl = ServicePrincipal.named("etl");

        Plan plan = withJobs().plan(Blueprint.builder().resource(new JobPermission("nightly", etl)).build());

        assertThat(plan.resolvedPrincipals()).containsEntry(etl, GHOST_APP);
        assertThat(asked).doesNotContain(etl);
    }
}
