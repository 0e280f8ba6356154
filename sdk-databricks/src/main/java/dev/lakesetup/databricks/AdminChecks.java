package dev.lakesetup.databricks;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.Setting;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.databricks.internal.validation.CheckFailedException;
import dev.lakesetup.databricks.internal.validation.EffectivePrivilegesCheck;
import dev.lakesetup.databricks.internal.validation.IpAccessListCheck;
import dev.lakesetup.databricks.internal.validation.Ipv4Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, as an admin and without signing in as the service principal, that the principal holds what a setup gave
 * it: its effective privileges on securables (direct or inherited) and resources that must exist with their declared
 * settings (a workspace principal's entitlements and workspace assignment, an Azure role assignment). For a
 * principal whose secret you do not hold, such as a vendor's multi-tenant application; when you hold the secret,
 * {@link PrincipalValidator} proves more by acting as the principal.
 *
 * <pre>{@code
 * ValidationReport report = AdminChecks.builder()
 *     .principal(ApplicationId.of(vendorAppId))
 *     .workspace(workspace)
 *     .expectPrivileges(CatalogName.of("segment"), Privilege.ALL_PRIVILEGES)
 *     .expectResource(workspace.restExecutor(), workspacePrincipal)
 *     .build()
 *     .validate();
 * }</pre>
 *
 * <p>Every outcome lands in a {@link ValidationReport} over {@link ValidationTransport#ADMIN_API}; a refused read or
 * a missing privilege is a failed check, never an exception. Immutable; each {@link #validate()} reads afresh.
 */
public final class AdminChecks {
    private static final Logger LOG = LoggerFactory.getLogger(AdminChecks.class);

    private final ApplicationId principal;
    private final DatabricksWorkspace workspace;
    private final List<EffectivePrivilegesCheck> privilegeChecks;
    private final List<ResourceExpectation> resourceChecks;
    private final List<Ipv4Range> vendorRanges;
    private final ApplyListener listener;

    private AdminChecks(Builder builder) {
        this.listener = builder.listener;
        this.principal = builder.principal;
        this.workspace = builder.workspace;
        this.privilegeChecks = List.copyOf(builder.privilegeChecks);
        this.resourceChecks = List.copyOf(builder.resourceChecks);
        this.vendorRanges = List.copyOf(builder.vendorRanges);
    }

    /**
     * Starts a set of admin checks.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every check as the workspace's admin and reports the outcome of each, privileges first.
     *
     * @return the report; {@link ValidationReport#passed()} tells whether all checks passed
     */
    public ValidationReport validate() {
        List<NamedCheck> named = new ArrayList<>();
        resourceChecks.forEach(expectation -> named.addAll(expectation.checks()));
        if (!vendorRanges.isEmpty()) {
            IpAccessListCheck ip = new IpAccessListCheck(vendorRanges);
            named.add(new NamedCheck(ip.name(), () -> ip.run(workspace.adminClient())));
        }
        ProgressingChecks checks = new ProgressingChecks(listener, privilegeChecks.size() + named.size());
        for (EffectivePrivilegesCheck check : privilegeChecks) {
            checks.add(TimedCheck.run(check.name(), () -> {
                check.run(workspace.adminClient(), principal);
                return 0;
            }));
        }
        named.forEach(check -> checks.add(TimedCheck.run(check.name(), () -> {
            check.run();
            return 0;
        })));
        ValidationReport report = new ValidationReport(principal, ValidationTransport.ADMIN_API, checks.checks());
        LOG.info("admin checks of {}: {} ({} of {} checks failed)", principal,
                report.passed() ? "passed" : "failed", report.failures().size(), report.checks().size());
        return report;
    }

    @Override
    public String toString() {
        return "AdminChecks[principal=" + principal + ", workspace=" + workspace.host() + ", privileges="
                + privilegeChecks.stream().map(EffectivePrivilegesCheck::name).toList() + ", resources="
                + resourceChecks.stream().map(e -> e.resource().id()).toList() + "]";
    }

    /** A resource that must exist, read through the executor that manages it. */
    private record ResourceExpectation(Executor executor, Resource resource) {

        /** One check when the resource declares no settings; otherwise one per compared setting. */
        List<NamedCheck> checks() {
            List<NamedCheck> out = new ArrayList<>();
            for (Setting setting : resource.settings()) {
                if (setting instanceof Setting.Scalar scalar && !scalar.secret()) {
                    out.add(new NamedCheck(resource.id() + ": " + scalar.name() + " is " + scalar.value(),
                            () -> requireScalar(scalar)));
                } else if (setting instanceof Setting.Members members) {
                    out.add(new NamedCheck(resource.id() + ": " + members.name() + " include "
                            + String.join(", ", members.members()), () -> requireMembers(members)));
                }
            }
            if (out.isEmpty()) {
                out.add(new NamedCheck(resource.id() + " exists", this::read));
            }
            return out;
        }

        private void requireScalar(Setting.Scalar scalar) {
            Set<String> live = live(scalar.name());
            if (live.size() != 1 || !resource.isSatisfiedBy(scalar, live.iterator().next())) {
                throw new CheckFailedException(resource.id() + " has " + scalar.name() + " "
                        + (live.isEmpty() ? "unset" : String.join(", ", live)) + ", not " + scalar.value());
            }
        }

        private void requireMembers(Setting.Members members) {
            Set<String> missing = new TreeSet<>(members.members());
            Set<String> live = live(members.name());
            missing.removeAll(live);
            if (!missing.isEmpty()) {
                throw new CheckFailedException(resource.id() + " lacks " + members.name() + " "
                        + String.join(", ", missing) + " (has " + (live.isEmpty() ? "none" : String.join(", ", live))
                        + ")");
            }
        }

        private Set<String> live(String setting) {
            return OneOffReads.values(read(), setting);
        }

        private Resource read() {
            return OneOffReads.read(executor, resource)
                    .orElseThrow(() -> new CheckFailedException(resource.id() + " does not exist"));
        }
    }

    /** A check with its name; throws {@link CheckFailedException} or {@link ServiceException} when it fails. */
    private record NamedCheck(String name, Runnable body) {
        void run() {
            body.run();
        }
    }

    /** Collects what to check; {@link #build()} rejects what is missing. */
    public static final class Builder {
        private ApplicationId principal;
        private DatabricksWorkspace workspace;
        private final List<EffectivePrivilegesCheck> privilegeChecks = new ArrayList<>();
        private final List<ResourceExpectation> resourceChecks = new ArrayList<>();
        private final List<Ipv4Range> vendorRanges = new ArrayList<>();
        private ApplyListener listener = new ApplyListener() { };

        private Builder() {
        }

        /**
         * Sets the service principal whose privileges are read (required).
         *
         * @param value its application id
         * @return this builder
         */
        public Builder principal(ApplicationId value) {
            this.principal = InvalidInputException.requireNonNull(value, "principal");
            return this;
        }

        /**
         * Sets the workspace, signed in as someone allowed to read the securables' permissions (required).
         *
         * @param value the workspace connection
         * @return this builder
         */
        public Builder workspace(DatabricksWorkspace value) {
            this.workspace = InvalidInputException.requireNonNull(value, "workspace");
            return this;
        }

        /**
         * Adds a check that the principal holds these privileges on a securable, directly or inherited;
         * {@code ALL PRIVILEGES} includes every privilege.
         *
         * @param securable the securable
         * @param privileges the privileges the principal should hold there
         * @return this builder
         */
        public Builder expectPrivileges(Securable securable, Privilege... privileges) {
            InvalidInputException.requireNonNull(privileges, "privileges");
            privilegeChecks.add(new EffectivePrivilegesCheck(securable, Set.of(privileges)));
            return this;
        }

        /**
         * Adds a check that a resource exists with its declared settings, read through the executor that manages
         * it: one check per compared setting (secret settings are never read), or one that it exists when it
         * declares none.
         *
         * @param executor the executor that reads the resource, e.g. {@link DatabricksWorkspace#restExecutor()}
         * @param resource the resource as the blueprint declares it
         * @return this builder
         * @throws InvalidInputException when the executor does not handle the resource
         */
        public Builder expectResource(Executor executor, Resource resource) {
            InvalidInputException.requireNonNull(executor, "executor");
            InvalidInputException.requireNonNull(resource, "resource");
            if (!OneOffReads.handles(executor, resource)) {
                throw InvalidInputException.of("executor", executor.name(), "it does not read " + resource.id(),
                        "the executor that manages " + resource.id().kind());
            }
            resourceChecks.add(new ResourceExpectation(executor, resource));
            return this;
        }

        /**
         * Adds a check that the workspace's IP access lists would admit a vendor's published ranges: it reads the
         * {@code enableIpAccessLists} setting and the lists, changes nothing, and fails naming each range an enabled
         * BLOCK list overlaps or the enabled ALLOW lists do not cover.
         *
         * @param cidrs IPv4 addresses or CIDR blocks
         * @return this builder
         * @throws InvalidInputException for a range that is not IPv4, naming it
         */
        public Builder vendorIpRanges(String... cidrs) {
            for (String cidr : InvalidInputException.requireNonNull(cidrs, "vendor IP ranges")) {
                vendorRanges.add(Ipv4Range.parse("vendor IP range", cidr));
            }
            return this;
        }

        /**
         * Sets the listener that receives {@link dev.lakesetup.core.apply.Progress.Phase#VALIDATING} progress:
         * {@code 0 of N} before the first check, then one step per check; e.g. {@code lakesetup.listener()}.
         *
         * @param value the listener; one that throws is logged and ignored
         * @return this builder
         */
        public Builder listener(ApplyListener value) {
            this.listener = InvalidInputException.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Checks the settings and builds the checks.
         *
         * @return the checks
         * @throws InvalidInputException naming what is missing
         */
        public AdminChecks build() {
            if (principal == null) {
                throw InvalidInputException.of("principal", null, "it is required", "principal(applicationId)");
            }
            if (workspace == null) {
                throw InvalidInputException.of("workspace", null, "it is required", "workspace(databricksWorkspace)");
            }
            return new AdminChecks(this);
        }
    }
}
