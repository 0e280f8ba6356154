package dev.lakesetup.core.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.GrantStore;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalLookup;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.PrincipalDirectory;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Handler look-up: by resource class and securable type, first registered executor wins, gaps named at once. */
class HandlersTest {
    private final FakeTime time = new FakeTime();

    /** An in-memory workspace with a name that handles only some kinds and grants on catalogs only. */
    private InMemoryWorkspace workspace(String name, List<Class<? extends Resource>> kinds) {
        return new InMemoryWorkspace(time) {
            @Override
            public String name() {
                return name;
            }

            @Override
            protected List<Class<? extends Resource>> kinds() {
                return kinds;
            }

            @Override
            public List<GrantStore> grantStores() {
                GrantStore all = super.grantStores().get(0);
                return List.of(new GrantStore() {
                    @Override
                    public Set<SecurableType> securableTypes() {
                        return EnumSet.of(SecurableType.CATALOG);
                    }

                    @Override
                    public java.util.Map<Securable, List<dev.lakesetup.core.plan.PrincipalPrivileges>> read(
                            List<Securable> securables, ExecutionContext context) {
                        return all.read(securables, context);
                    }

                    @Override
                    public dev.lakesetup.core.spi.ChangeResult apply(dev.lakesetup.core.plan.GrantChange change,
                            ExecutionContext context) {
                        return all.apply(change, context);
                    }
                });
            }
        };
    }

    @Test
    void handlerOf_whenTwoExecutorsHandleAKind_takesTheFirstRegistered() {
        InMemoryWorkspace first = workspace("first", List.of(Catalog.class));
        InMemoryWorkspace second = workspace("second", List.of(Catalog.class, Schema.class));
        Handlers handlers = new Handlers(List.of(first, second));

        assertThat(handlers.handlerOf(Catalog.named("a"))).isSameAs(handlers.handlerOf(Catalog.named("b")));
        assertThat(handlers.handlerOf(Catalog.named("a")).read(List.of(Catalog.named("a")), null)).isEmpty();
        assertThat(first.readResourcesCalls()).isEqualTo(1);
        assertThat(second.readResourcesCalls()).isZero();
        handlers.handlerOf(Schema.named("a", "s")).read(List.of(Schema.named("a", "s")), null);
        assertThat(second.readResourcesCalls()).isEqualTo(1);
    }

    @Test
    void checkHandled_namesEveryUnhandledKindAndSecurableTypeOnceWithTheExecutors() {
        Handlers handlers = new Handlers(List.of(workspace("rest", List.of(Catalog.class)),
                workspace("sql", List.of(Catalog.class))));
        List<Resource> resources = List.of(Catalog.named("a"), Schema.named("a", "s"), Schema.named("a", "t"),
                ExternalLocation.named("loc", "abfss://c@acct.dfs.core.windows.net/x", "cred"));
        List<Securable> securables = List.of(Securable.catalog("a"), Securable.schema("a", "s"),
                Securable.schema("a", "t"));

        assertThatThrownBy(() -> handlers.checkHandled(resources, securables)).isInstanceOf(LakesetupException.class)
                .hasMessage("no registered executor handles resources of kind schema, resources of kind "
                        + "external_location, grants on schema; registered: [rest, sql]");
    }

    @Test
    void checkHandled_whenEverythingHasAHandler_passes() {
        Handlers handlers = new Handlers(List.of(workspace("rest", List.of(Catalog.class))));

        handlers.checkHandled(List.of(Catalog.named("a")), List.of(Securable.catalog("a")));

        assertThat(handlers.directories()).hasSize(1);
        assertThat(handlers.directories().get(0).lookUp(Principal.group("g"), null)).isEmpty();
    }

    /** An executor that offers one principal directory and nothing else. */
    private static Executor offering(String name, PrincipalDirectory directory) {
        return new Executor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<ResourceHandler<?>> resourceHandlers() {
                return List.of();
            }

            @Override
            public List<GrantStore> grantStores() {
                return List.of();
            }

            @Override
            public Optional<PrincipalDirectory> principalDirectory() {
                return Optional.of(directory);
            }
        };
    }

    @Test
    void directories_whenTwoExecutorsOfferTheSameDirectory_askItOnceOnAMiss() {
        AtomicInteger resolves = new AtomicInteger();
        PrincipalDirectory scim = new PrincipalDirectory() {
            @Override
            public Optional<ApplicationId> resolve(ServicePrincipal principal, ExecutionContext context) {
                resolves.incrementAndGet();
                return Optional.empty();
            }

            @Override
            public Optional<PrincipalLookup> lookUp(Principal principal, ExecutionContext context) {
                return Optional.empty();
            }
        };
        Handlers handlers = new Handlers(List.of(offering("rest", scim), offering("sql", scim)));

        Optional<ApplicationId> found = new LiveReader(handlers, null).resolveOne(ServicePrincipal.named("etl"), null);

        assertThat(found).isEmpty();
        assertThat(resolves).hasValue(1);
        assertThat(handlers.directories()).containsExactly(scim);
    }

    @Test
    void directories_whenExecutorsOfferDistinctDirectories_keepsEach() {
        InMemoryWorkspace first = workspace("first", List.of(Catalog.class));
        InMemoryWorkspace second = workspace("second", List.of(Catalog.class));

        assertThat(new Handlers(List.of(first, second)).directories()).hasSize(2);
    }

    @Test
    void handles_tellsWhetherAHandlerOrStoreAppliesAChange() {
        Handlers handlers = new Handlers(List.of(workspace("rest", List.of(Catalog.class))));

        assertThat(handlers.handles(ResourceChange.create(Catalog.named("a"), Set.of()))).isTrue();
        assertThat(handlers.handles(ResourceChange.create(Schema.named("a", "s"), Set.of()))).isFalse();
        assertThat(handlers.handles(grant(Securable.catalog("a")))).isTrue();
        assertThat(handlers.handles(grant(Securable.schema("a", "s")))).isFalse();
    }

    private static GrantChange grant(Securable securable) {
        return new GrantChange(GrantChange.idOf(Action.GRANT, securable), Action.GRANT, securable,
                List.of(new PrincipalPrivileges(Principal.group("g"), Set.of(Privilege.USE_CATALOG))), Set.of());
    }
}
