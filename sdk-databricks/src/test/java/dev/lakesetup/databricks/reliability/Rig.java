package dev.lakesetup.databricks.reliability;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.VirtualClock;
import java.time.Duration;

/**
 * A fake workspace on loopback, the real SDK over HTTP in front of it, and lakesetup on virtual time with its
 * default retry policy: what every reliability test starts from.
 */
final class Rig implements AutoCloseable {
    static final String WAREHOUSE = "wh1";
    static final String CATALOGS = "/api/2\\.1/unity-catalog/catalogs";
    static final String PERMISSIONS = "/api/2\\.1/unity-catalog/permissions/.*";

    final FakeWorkspace fake;
    /** Virtual time; the rate limit's sub-millisecond spacing between calls is not recorded as a wait. */
    final VirtualClock time = new VirtualClock().recordWaitsFrom(Duration.ofMillis(1));
    final DatabricksWorkspace workspace;
    /** The same workspace with no warehouse: its REST executor reads grants with one GET per securable. */
    final DatabricksWorkspace restOnly;
    final FakeWorkspace.SeededPrincipal admin;

    private Rig(boolean oauth) {
        // the fake's secret and token times on the engine's clock, which judges secret expiry
        this.fake = FakeWorkspace.builder().warehouse(WAREHOUSE, "Starter").group("analysts").group("engineers")
                .clock(time).build().start();
        DatabricksWorkspace.Builder builder = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting()
                .httpTimeout(Duration.ofSeconds(10)).callPolicy(CallPolicy.builder().rateLimitPerSecond(10_000).build());
        if (oauth) {
            this.admin = fake.seedAdminServicePrincipal("lakesetup-admin");
            builder.oauthM2m(admin.applicationId(), admin.secret());
        } else {
            this.admin = null;
            builder.pat(fake.adminToken());
        }
        this.restOnly = builder.build();
        this.workspace = builder.warehouseId(WAREHOUSE).build();
    }

    /** A rig whose admin authenticates with a personal access token. */
    static Rig withPat() {
        return new Rig(false);
    }

    /** A rig whose admin is a service principal with OAuth machine-to-machine credentials. */
    static Rig withOAuth() {
        return new Rig(true);
    }

    /** lakesetup on the REST executor with no warehouse (one GET per securable) and the default retry policy. */
    Lakesetup lakesetup() {
        return lakesetup(restOnly.restExecutor(), RetryPolicy.defaults());
    }

    /**
     * lakesetup on an executor with a retry policy, waiting on virtual time. The workspace's rate limit (10 000
     * requests/s, on the real clock) spaces requests 0.1 ms apart and stays out of {@code time.waits()}.
     */
    Lakesetup lakesetup(Executor executor, RetryPolicy policy) {
        return Lakesetup.builder().executor(executor).concurrency(4).retryPolicy(policy)
                .clock(time).sleeper(time::sleep).build();
    }

    /** Plans and applies a blueprint with the REST executor. */
    ApplyReport apply(Blueprint blueprint) {
        Lakesetup lakesetup = lakesetup();
        return lakesetup.apply(lakesetup.plan(blueprint));
    }

    /** The outcome of the change on an object, found by part of its description, e.g. {@code catalog sales}. */
    static ChangeOutcome outcomeOf(ApplyReport report, String object) {
        return report.outcomes().stream().filter(o -> o.change().object().contains(object)).findFirst()
                .orElseThrow(() -> new AssertionError("no change on " + object + " in " + report));
    }

    /** The first {@link ServiceException} in a failure's cause chain. */
    static ServiceException serviceCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServiceException service) {
                return service;
            }
        }
        throw new AssertionError("no ServiceException in the cause chain of " + failure, failure);
    }

    @Override
    public void close() {
        fake.close();
    }
}
