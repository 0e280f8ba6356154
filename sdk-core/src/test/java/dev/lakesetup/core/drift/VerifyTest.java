package dev.lakesetup.core.drift;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.testing.Fixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.plan.PrincipalLookup;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.render.DriftFormat;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Lakesetup.verify: the planner's reads and diff as a drift report, changing nothing, tolerant of denied reads. */
class VerifyTest {
    private static final ServicePrincipal SP = Principal.servicePrincipal(APP);
    private static final Securable SALES = Securable.catalog("sales");

    private final FakeTime time = new FakeTime();
    private final DenyingWorkspace workspace = new DenyingWorkspace(time);
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();

    private static Blueprint salesFor(Principal principal) {
        return Blueprint.builder().resource(Catalog.named("sales").comment("Sales data"))
                .grant(Grant.on(SALES).to(principal).privileges(USE_CATALOG, SELECT)).build();
    }

    @Test
    void verify_whenLiveStateIsAsDeclared_isCleanAndChangesNothing() {
        workspace.seed(Catalog.named("sales").comment("Sales data"))
                .seedGrant(SALES, SP, Set.of(USE_CATALOG, SELECT));

        DriftReport report = lakesetup.verify(salesFor(SP));

        assertThat(report.isClean()).isTrue();
        assertThat(report.isComplete()).isTrue();
        assertThat(report.items()).extracting(DriftItem::status).containsOnly(DriftStatus.OK).hasSize(2);
        assertThat(report.checkedAt()).isEqualTo(time.instant());
        assertThat(workspace.calls()).isEmpty();
    }

    @Test
    void verify_whenCatalogIsGone_reportsItAndItsGrantsMissing() {
        DriftReport report = lakesetup.verify(salesFor(SP));

        assertThat(report.isClean()).isFalse();
        assertThat(report.items()).containsExactly(
                DriftItem.missing("catalog", "catalog sales", "comment=Sales data", "does not exist"),
                DriftItem.missing("grants", "grants on catalog sales to " + APP, "USE CATALOG, SELECT",
                        "declared but not held"));
        assertThat(workspace.calls()).isEmpty();
    }

    @Test
    void verify_whenCommentChangedAndAPrivilegeWasRevoked_reportsBeforeAndAfter() {
        workspace.seed(Catalog.named("sales").comment("edited by hand")).seedGrant(SALES, SP, Set.of(USE_CATALOG));

        DriftReport report = lakesetup.verify(salesFor(SP));

        assertThat(report.items()).containsExactly(
                DriftItem.changed("catalog", "catalog sales: comment", "edited by hand", "Sales data"),
                DriftItem.missing("grants", "grants on catalog sales to " + APP, "SELECT", "declared but not held"));
        assertThat(report.summary()).isEqualTo("drift: 1 missing, 1 changed");
    }

    @Test
    void verify_whenExclusiveSecurableHoldsUndeclaredPrivileges_reportsThemUndeclared() {
        workspace.seed(Catalog.named("sales").comment("Sales data"))
                .seedGrant(SALES, SP, Set.of(USE_CATALOG, SELECT))
                .seedGrant(SALES, Principal.group("interns"), Set.of(Privilege.MODIFY));
        Blueprint blueprint = salesFor(SP).toBuilder().exclusive(SALES).build();

        DriftReport report = lakesetup.verify(blueprint);

        assertThat(report.itemsWith(DriftStatus.UNDECLARED)).containsExactly(DriftItem.of("grants",
                "grants on catalog sales to interns", DriftStatus.UNDECLARED, "MODIFY", null,
                "held but not declared on a securable the blueprint declares exclusive"));
        assertThat(report.isClean()).isFalse();
    }

    @Test
    void verify_whenSecretExpiresWithinTheWindow_reportsItExpiring() {
        OAuthSecret declared = OAuthSecret.forPrincipal(SP, credentials -> { });
        workspace.seed(declared.withExpireTime(time.instant().plus(Duration.ofDays(5))));
        Blueprint blueprint = Blueprint.builder().resource(declared).build();

        DriftReport month = lakesetup.verify(blueprint);
        DriftReport day = lakesetup.verify(blueprint, VerifyOptions.defaults().expiringWithin(Duration.ofDays(1)));

        DriftItem expiring = month.items().get(0);
        assertThat(expiring.status()).isEqualTo(DriftStatus.EXPIRING);
        assertThat(expiring.before()).contains("2026-01-06T00:00:00Z");
        assertThat(expiring.reason().orElseThrow()).contains("expires in 5 days, within the window of 30 days");
        assertThat(day.isClean()).isTrue();
        assertThat(day.items().get(0).reason()).contains("expires 2026-01-06T00:00:00Z");
    }

    @Test
    void verify_whenSecretAlreadyExpired_saysSo() {
        OAuthSecret declared = OAuthSecret.forPrincipal(SP, credentials -> { });
        workspace.seed(declared.withExpireTime(time.instant().minus(Duration.ofDays(2))));

        DriftReport report = lakesetup.verify(Blueprint.builder().resource(declared).build(),
                VerifyOptions.defaults().expiringWithin(Duration.ZERO));

        assertThat(report.items().get(0).status()).isEqualTo(DriftStatus.EXPIRING);
        assertThat(report.items().get(0).reason().orElseThrow()).startsWith("expired 2 days ago");
    }

    @Test
    void verify_whenGrantReadsAreDenied_skipsThemWithThePermissionTheyNeed() {
        workspace.seed(Catalog.named("sales").comment("Sales data"));
        workspace.denyGrantReads = true;

        DriftReport report = lakesetup.verify(salesFor(SP));

        assertThat(report.items()).extracting(DriftItem::status).containsExactly(DriftStatus.OK, DriftStatus.SKIPPED);
        DriftItem skipped = report.items().get(1);
        assertThat(skipped.what()).isEqualTo("grants on catalog sales");
        assertThat(skipped.reason().orElseThrow()).contains("User does not have MANAGE on Catalog 'sales'.",
                "needs a metastore admin, the object's owner, or MANAGE on it");
        assertThat(report.isClean()).isTrue();
        assertThat(report.isComplete()).isFalse();
    }

    @Test
    void verify_whenExclusiveGrantReadIsDenied_skipsItInsteadOfReportingNothing() {
        workspace.denyGrantReads = true;
        Blueprint blueprint = Blueprint.builder().exclusive(SALES).build();

        DriftReport report = lakesetup.verify(blueprint);

        assertThat(report.items()).extracting(DriftItem::status, DriftItem::what)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DriftStatus.SKIPPED, "grants on catalog sales"));
    }

    @Test
    void plan_whenGrantReadsAreDenied_stillFails() {
        workspace.denyGrantReads = true;

        assertThatThrownBy(() -> lakesetup.plan(salesFor(SP))).hasRootCauseInstanceOf(ServiceException.class)
                .hasMessageContaining("MANAGE");
    }

    @Test
    void verify_whenAReadFailsForAnotherReason_fails() {
        workspace.failGrantReads = ServiceException.builder(ServiceException.Failure.FATAL, "read grants failed: "
                + "bad request").status(400).errorCode("INVALID_PARAMETER_VALUE").build();

        assertThatThrownBy(() -> lakesetup.verify(salesFor(SP))).hasMessageContaining("bad request");
    }

    @Test
    void verify_whenAGranteeDoesNotExist_reportsItMissingInsteadOfThrowing() {
        workspace.seed(Catalog.named("sales").comment("Sales data"));
        workspace.missing = principal -> principal.equals(Principal.user("gone@example.com"));

        DriftReport report = lakesetup.verify(salesFor(Principal.user("gone@example.com")));

        assertThat(report.itemsWith(DriftStatus.MISSING)).extracting(DriftItem::what)
                .contains("principal gone@example.com");
    }

    @Test
    void verify_whenPrincipalLookUpIsDenied_skipsThePrincipal() {
        workspace.seed(Catalog.named("sales").comment("Sales data")).seedGrant(SALES, SP, Set.of(USE_CATALOG, SELECT));
        workspace.denyLookUps = true;

        DriftReport report = lakesetup.verify(salesFor(SP));

        assertThat(report.itemsWith(DriftStatus.SKIPPED)).singleElement().satisfies(item -> {
            assertThat(item.what()).isEqualTo("principal " + APP);
            assertThat(item.reason().orElseThrow()).contains("needs a workspace admin");
        });
    }

    @Test
    void verify_makesNoMoreReadCallsThanAPlan() {
        workspace.seed(Catalog.named("sales").comment("Sales data"));
        Blueprint blueprint = salesFor(SP).toBuilder().resource(Catalog.named("hr"))
                .grant(Grant.on(Securable.catalog("hr")).to(SP).privileges(USE_CATALOG)).build();

        lakesetup.plan(blueprint);
        int planReads = workspace.readResourcesCalls() + workspace.readGrantsCalls();
        lakesetup.verify(blueprint);
        int verifyReads = workspace.readResourcesCalls() + workspace.readGrantsCalls() - planReads;

        assertThat(verifyReads).isEqualTo(planReads).isEqualTo(2);
        assertThat(workspace.calls()).isEmpty();
    }

    @Test
    void verify_whenAnObjectWithASecretSettingIsMissing_showsTheSecretMaskedOnly() {
        StorageIdentity identity = new StorageIdentity.AzureServicePrincipal("72f988bf-86f1-41af-91ab-2d7cd011db47",
                APP, Secret.of("TOPSECRET-client-secret"));
        Blueprint blueprint = Blueprint.builder().resource(StorageCredential.named("landing", identity)).build();

        DriftReport report = lakesetup.verify(blueprint);

        assertThat(report.items()).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(DriftStatus.MISSING);
            assertThat(item.after().orElseThrow()).contains(Secret.MASK);
        });
        assertThat(DriftFormat.TEXT.render(report) + DriftFormat.JSON.render(report) + report)
                .doesNotContain("TOPSECRET");
    }

    /** The in-memory workspace, with reads that can be denied as the service denies them (403). */
    private static final class DenyingWorkspace extends InMemoryWorkspace {
        volatile boolean denyGrantReads;
        volatile boolean denyLookUps;
        volatile RuntimeException failGrantReads;
        volatile Predicate<Principal> missing = principal -> false;

        DenyingWorkspace(FakeTime time) {
            super(time);
        }

        private static ServiceException denied(String message) {
            return ServiceException.builder(ServiceException.Failure.FATAL, "read failed: " + message).status(403)
                    .errorCode("PERMISSION_DENIED").build();
        }

        @Override
        public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
                ExecutionContext context) {
            if (failGrantReads != null) {
                throw failGrantReads;
            }
            if (denyGrantReads) {
                throw denied("User does not have MANAGE on Catalog 'sales'.");
            }
            return super.readGrants(securables, context);
        }

        @Override
        public Map<ResourceId, Resource> readResources(Collection<? extends Resource> resources,
                ExecutionContext context) {
            return super.readResources(resources, context);
        }

        @Override
        public Optional<PrincipalLookup> lookUp(Principal principal) {
            if (denyLookUps) {
                throw denied("Only admins can perform this operation.");
            }
            return Optional.of(missing.test(principal) ? PrincipalLookup.missing(principal, "looked up by name")
                    : PrincipalLookup.found(principal, "looked up by name"));
        }
    }
}
