package dev.lakesetup.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardingExecutorTest {
    private static final ApplicationId APP = ApplicationId.of("0b5c0f4e-7d1a-4c3b-9e2f-5a6b7c8d9e0f");
    private static final ExecutionContext NO_PRINCIPALS = principal -> Optional.empty();

    /** An executor whose every answer differs from the interface's defaults. */
    private static final class Distinct implements Executor {
        @Override
        public String name() {
            return "distinct";
        }

        @Override
        public boolean handles(Resource resource) {
            return true;
        }

        @Override
        public boolean handlesGrantsOn(Securable securable) {
            return true;
        }

        @Override
        public boolean supports(Change change) {
            return false;
        }

        @Override
        public Map<ResourceId, ObservedResource> readResources(Collection<? extends Resource> resources,
                ExecutionContext context) {
            return Map.of(ResourceId.of("catalog", "x"), ObservedResource.of(ResourceId.of("catalog", "x")));
        }

        @Override
        public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
                ExecutionContext context) {
            return Map.of(Securable.catalog("x"), List.of());
        }

        @Override
        public int readBatchSize() {
            return 7;
        }

        @Override
        public int grantReadBatchSize() {
            return 9;
        }

        @Override
        public boolean metersRequests() {
            return true;
        }

        @Override
        public Optional<ApplicationId> resolve(ServicePrincipal principal) {
            return Optional.of(APP);
        }

        @Override
        public Optional<PrincipalLookup> lookUp(dev.lakesetup.core.model.Principal principal) {
            return Optional.of(PrincipalLookup.missing(principal, "asked"));
        }

        @Override
        public ChangeResult apply(Change change, ExecutionContext context) {
            return ChangeResult.done();
        }
    }

    @Test
    void forwardingExecutor_withNoOverrides_answersExactlyLikeItsDelegate() {
        Executor delegate = new Distinct();
        Executor forwarding = new ForwardingExecutor(delegate) { };

        assertThat(forwarding.name()).isEqualTo("distinct");
        assertThat(forwarding.handles(Catalog.named("x"))).isTrue();
        assertThat(forwarding.handlesGrantsOn(Securable.catalog("x"))).isTrue();
        assertThat(forwarding.readBatchSize()).isEqualTo(7);
        assertThat(forwarding.grantReadBatchSize()).isEqualTo(9);
        assertThat(forwarding.metersRequests()).isTrue();
        assertThat(forwarding.supports(null)).isFalse();
        assertThat(forwarding.resolve(ServicePrincipal.named("sp"))).contains(APP);
        assertThat(forwarding.lookUp(dev.lakesetup.core.model.Principal.group("g")))
                .contains(PrincipalLookup.missing(dev.lakesetup.core.model.Principal.group("g"), "asked"));
        assertThat(forwarding.readResources(List.of(Catalog.named("x")), NO_PRINCIPALS))
                .isEqualTo(delegate.readResources(List.of(), NO_PRINCIPALS));
        assertThat(forwarding.readGrants(List.of(Securable.catalog("x")), NO_PRINCIPALS))
                .containsOnlyKeys(Securable.catalog("x"));
        assertThat(forwarding.apply(null, NO_PRINCIPALS)).isSameAs(ChangeResult.done());
    }
}
