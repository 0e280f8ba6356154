package dev.lakesetup.databricks;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.fleet.CallGate;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.TableName;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.databricks.internal.JdbcDriver;
import dev.lakesetup.databricks.internal.Loopback;
import dev.lakesetup.databricks.internal.ProxyTunnel;
import dev.lakesetup.databricks.internal.validation.EffectivePrivilegesCheck;
import dev.lakesetup.databricks.internal.validation.FederatedSignIn;
import dev.lakesetup.databricks.internal.validation.ValidationTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves a setup works by acting as the service principal: it signs in with OAuth M2M (client id = application
 * id, plus the OAuth secret) or, for a principal with a federation policy, by token exchange
 * ({@link Builder#tokenExchange}), runs {@code SHOW SCHEMAS IN <catalog>} for each catalog and
 * {@code SELECT * FROM <table> LIMIT 10} for each chosen table on the SQL warehouse, and, given an admin workspace,
 * checks the principal's effective privileges. Every outcome lands in a {@link ValidationReport}; a refused
 * statement or a failed sign-in is a failed check, never an exception.
 *
 * <pre>{@code
 * PrincipalValidator validator = PrincipalValidator.builder()
 *     .host("https://adb-123.4.azuredatabricks.net")
 *     .warehouseId("abc123")
 *     .credentials(new OAuthCredentials(ApplicationId.of(clientId), Secret.of(secret)))
 *     .transport(ValidationTransport.JDBC)
 *     .showSchemasIn(CatalogName.of("sales"))
 *     .sampleTables(TableName.parse("sales.raw.orders"))
 *     .build();
 * ValidationReport report = validator.validate();
 * }</pre>
 *
 * <p>Instances are immutable and may be shared; each {@link #validate()} opens and closes its own connection.
 */
public final class PrincipalValidator {
    private static final Logger LOG = LoggerFactory.getLogger(PrincipalValidator.class);

    private final Builder settings;
    private final ValidationTransport transport;
    private final ValidationTarget target;
    private final List<CatalogName> catalogs;
    private final List<TableName> tables;
    private final List<EffectivePrivilegesCheck> privilegeChecks;
    private final CallPolicy policy;
    private final CallGate gate;

    private PrincipalValidator(Builder builder, ValidationTarget target, CallPolicy policy, CallGate gate) {
        this.settings = builder.copy();
        this.transport = builder.transport != null ? builder.transport
                : JdbcDriver.present() ? ValidationTransport.JDBC : ValidationTransport.STATEMENT_API;
        this.target = target;
        this.catalogs = List.copyOf(builder.catalogs);
        this.tables = List.copyOf(builder.tables);
        this.privilegeChecks = List.copyOf(builder.privilegeChecks);
        this.policy = policy;
        this.gate = gate;
    }

    /**
     * Starts a validator.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this validator's settings, to derive a changed one.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return settings.copy();
    }

    /**
     * Runs every check as the service principal and reports the outcome of each.
     *
     * @return the report; {@link ValidationReport#passed()} tells whether all checks passed
     */
    public ValidationReport validate() {
        ProgressingChecks checks = new ProgressingChecks(settings.listener,
                1 + catalogs.size() + tables.size() + privilegeChecks.size());
        new PrincipalStatements(transport, target, settings.proxy, policy, gate).run(catalogs, tables, checks);
        for (EffectivePrivilegesCheck check : privilegeChecks) {
            checks.add(TimedCheck.run(check.name(), () -> {
                check.run(settings.admin.adminClient(), target.clientId());
                return 0;
            }));
        }
        ValidationReport report = new ValidationReport(target.clientId(), transport,
                checks.checks());
        LOG.info("validation as {} over {}: {} ({} of {} checks failed or skipped)", report.principal(),
                report.transport(), report.passed() ? "passed" : "failed", report.failures().size(),
                report.checks().size());
        return report;
    }

    @Override
    public String toString() {
        return "PrincipalValidator[host=" + target.host() + ", warehouse=" + target.warehouseId() + ", principal="
                + target.clientId() + ", transport=" + transport + ", catalogs=" + catalogs
                + ", tables=" + tables + "]";
    }

    /** Collects the validator's settings; {@link #build()} rejects what is missing or contradictory. */
    public static final class Builder {
        private String host;
        private String warehouseId;
        private OAuthCredentials credentials;
        private FederatedSignIn federated;
        /** Null until chosen: then JDBC when the driver is on the class path, else the statement execution API. */
        private ValidationTransport transport;
        private final Set<CatalogName> catalogs = new LinkedHashSet<>();
        private final Set<TableName> tables = new LinkedHashSet<>();
        private final List<EffectivePrivilegesCheck> privilegeChecks = new ArrayList<>();
        private DatabricksWorkspace admin;
        private Duration statementTimeout = Duration.ofMinutes(2);
        private boolean plainHttpForTesting;
        private HttpProxy proxy;
        /** Null until chosen: then the admin workspace's policy, else {@link CallPolicy#defaults()}. */
        private CallPolicy policy;
        /** Null until chosen: then the admin workspace's gate, if it has one. */
        private CallGate gate;
        private ApplyListener listener = new ApplyListener() { };

        private Builder() {
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.host = host;
            copy.warehouseId = warehouseId;
            copy.credentials = credentials;
            copy.federated = federated;
            copy.transport = transport;
            copy.catalogs.addAll(catalogs);
            copy.tables.addAll(tables);
            copy.privilegeChecks.addAll(privilegeChecks);
            copy.admin = admin;
            copy.statementTimeout = statementTimeout;
            copy.plainHttpForTesting = plainHttpForTesting;
            copy.proxy = proxy;
            copy.policy = policy;
            copy.gate = gate;
            copy.listener = listener;
            return copy;
        }

        /**
         * Sets the workspace URL, e.g. {@code https://adb-123.4.azuredatabricks.net} (a bare host name means https).
         *
         * @param value the workspace URL
         * @return this builder
         */
        public Builder host(String value) {
            this.host = InvalidInputException.requireNonNull(value, "host");
            return this;
        }

        /**
         * Sets the SQL warehouse the statements run on; the principal needs "Can use" on it.
         *
         * @param value the warehouse id: letters and digits, as in {@code /sql/1.0/warehouses/{id}}
         * @return this builder
         * @throws InvalidInputException if the id is not of that form
         */
        public Builder warehouseId(String value) {
            this.warehouseId = WarehousePermission.requireWarehouseId(value);
            return this;
        }

        /**
         * Sets the service principal's OAuth M2M credentials: its application id as client id, and a secret.
         *
         * @param value the credentials
         * @return this builder
         */
        public Builder credentials(OAuthCredentials value) {
            this.credentials = InvalidInputException.requireNonNull(value, "credentials");
            return this;
        }

        /**
         * Chooses how to reach the warehouse. By default it is {@link ValidationTransport#JDBC} when the Databricks
         * JDBC driver (the optional dependency {@code com.databricks:databricks-jdbc}) is on the class path, and
         * {@link ValidationTransport#STATEMENT_API} otherwise; choosing {@code JDBC} without the driver fails in
         * {@link #build()}.
         *
         * @param value the transport
         * @return this builder
         * @throws InvalidInputException for {@link ValidationTransport#ADMIN_API}, which signs in as no principal
         */
        public Builder transport(ValidationTransport value) {
            InvalidInputException.requireNonNull(value, "transport");
            if (value == ValidationTransport.ADMIN_API) {
                throw InvalidInputException.of("transport", value.toString(),
                        "the validator signs in as the principal; admin reads are AdminChecks' job",
                        "JDBC or STATEMENT_API");
            }
            this.transport = value;
            return this;
        }

        /**
         * Adds catalogs to list schemas of ({@code SHOW SCHEMAS IN <catalog>}).
         *
         * @param values the catalogs
         * @return this builder
         */
        public Builder showSchemasIn(CatalogName... values) {
            for (CatalogName value : InvalidInputException.requireNonNull(values, "catalogs")) {
                catalogs.add(InvalidInputException.requireNonNull(value, "catalog"));
            }
            return this;
        }

        /**
         * Adds tables to read a sample of ({@code SELECT * FROM <table> LIMIT 10}).
         *
         * @param values the tables
         * @return this builder
         */
        public Builder sampleTables(TableName... values) {
            for (TableName value : InvalidInputException.requireNonNull(values, "tables")) {
                tables.add(InvalidInputException.requireNonNull(value, "table"));
            }
            return this;
        }

        /**
         * Adds a check, made as an admin, that the principal holds these privileges on a securable, directly or
         * inherited. Needs {@link #adminWorkspace(DatabricksWorkspace)}.
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
         * Sets the workspace connection that reads effective privileges for {@link #expectPrivileges}.
         *
         * @param workspace the workspace, signed in as someone allowed to read the securables' permissions
         * @return this builder
         */
        public Builder adminWorkspace(DatabricksWorkspace workspace) {
            this.admin = InvalidInputException.requireNonNull(workspace, "admin workspace");
            return this;
        }

        /**
         * Sets the call policy whose rate limiter the validation's requests to the statement execution API, and its
         * statements over JDBC (one permit each), take permits of, and whose clock and sleeper time and pace the
         * polls of a statement still running. By default
         * it is the {@link #adminWorkspace(DatabricksWorkspace) admin workspace}'s
         * {@link DatabricksWorkspace#callPolicy() policy} when one is given, so the validation shares that
         * workspace's rate limit, else a new {@link CallPolicy#defaults()}.
         *
         * @param value the policy, usually {@code workspace.callPolicy()}
         * @return this builder
         */
        public Builder callPolicy(CallPolicy value) {
            this.policy = InvalidInputException.requireNonNull(value, "call policy");
            return this;
        }

        /**
         * Sets the gate that bounds the validation's HTTP requests (the token exchange and the statement execution
         * API's requests) together with other connections' (a fleet's {@code Fleet.callGate()}). By default it is
         * the {@link #adminWorkspace(DatabricksWorkspace) admin workspace}'s {@link DatabricksWorkspace#callGate()
         * gate}, if it has one. Validation over JDBC does not take it: the driver opens its own connections.
         *
         * @param value the shared gate
         * @return this builder
         */
        public Builder callGate(CallGate value) {
            this.gate = InvalidInputException.requireNonNull(value, "call gate");
            return this;
        }

        /**
         * Sets how long one statement may run before its check fails (default two minutes).
         *
         * @param value the timeout, positive
         * @return this builder
         */
        public Builder statementTimeout(Duration value) {
            InvalidInputException.requireNonNull(value, "statement timeout");
            if (value.isZero() || value.isNegative()) {
                throw InvalidInputException.of("statement timeout", value.toString(), "it is not positive",
                        "a positive duration");
            }
            this.statementTimeout = value;
            return this;
        }

        /**
         * Sets the listener that receives {@link dev.lakesetup.core.apply.Progress.Phase#VALIDATING} progress:
         * {@code 0 of N} before the first check, then one step per check (connecting counts as one); e.g.
         * {@code lakesetup.listener()} to reach the listeners of a {@code Lakesetup}.
         *
         * @param value the listener; one that throws is logged and ignored
         * @return this builder
         */
        public Builder listener(ApplyListener value) {
            this.listener = InvalidInputException.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Allows a plain {@code http://} host on any port, for a local fake workspace in tests; the host must be a
         * loopback host ({@code localhost}, {@code 127.x.y.z}, {@code ::1}), or {@link #build()} fails.
         * <strong>Not for production.</strong> With JDBC it turns TLS off ({@code ssl=0}) for an http host, uses the
         * driver's statement-execution mode ({@code UseThriftClient=0}), turns off token federation, cloud-fetch
         * downloads and telemetry, and, for a port other than 443, sets the driver's JVM-wide system property
         * {@code isFakeServiceTest=true} while the validation's connection is open (it changes how every Databricks
         * JDBC connection in this JVM resolves its OAuth host), restoring its earlier value when it closes.
         *
         * @return this builder
         */
        public Builder plainHttpForTesting() {
            this.plainHttpForTesting = true;
            return this;
        }

        /**
         * Signs in and queries through an HTTP proxy, over either transport (the JDBC driver's proxy properties, or
         * lakesetup's HTTP client for the statement execution API).
         *
         * @param value the proxy
         * @return this builder
         */
        public Builder proxy(HttpProxy value) {
            this.proxy = InvalidInputException.requireNonNull(value, "proxy");
            return this;
        }

        /**
         * Checks the settings and builds the validator.
         *
         * @return the validator
         * @throws InvalidInputException naming what is missing or contradictory
         * @throws dev.lakesetup.core.exception.LakesetupException for {@link ValidationTransport#JDBC} without the driver on the
         *     class path, naming the dependency to add
         */
        public PrincipalValidator build() {
            require(host != null, "host", "host(workspaceUrl)");
            require(warehouseId != null, "warehouse id", "warehouseId(id)");
            if (credentials != null && federated != null) {
                throw InvalidInputException.of("credentials", "both OAuth credentials and a token exchange",
                        "the principal signs in one way", "credentials(..) or tokenExchange(..), not both");
            }
            require(credentials != null || federated != null, "credentials",
                    "credentials(new OAuthCredentials(applicationId, secret)) or tokenExchange(applicationId, token)");
            if (transport == ValidationTransport.JDBC) {
                JdbcDriver.require("validation over JDBC (PrincipalValidator.Builder.transport(JDBC))",
                        "validate through the statement execution API: transport(ValidationTransport.STATEMENT_API)");
            }
            if (!privilegeChecks.isEmpty() && admin == null) {
                throw InvalidInputException.of("admin workspace", null,
                        "expectPrivileges(..) reads effective privileges as an admin",
                        "adminWorkspace(databricksWorkspace) or no expectPrivileges(..)");
            }
            if (transport == ValidationTransport.STATEMENT_API) {
                ProxyTunnel.requireBasicAllowed(HttpProxy.settingsOf(proxy), workspaceUrl().toString());
            }
            ValidationTarget target = new ValidationTarget(workspaceUrl(), warehouseId, credentials,
                    statementTimeout, plainHttpForTesting, HttpProxy.settingsOf(proxy), federated, null);
            CallPolicy chosen = policy != null ? policy : admin != null ? admin.callPolicy() : CallPolicy.defaults();
            CallGate shared = gate != null ? gate : admin != null ? admin.callGate().orElse(null) : null;
            return new PrincipalValidator(this, target, chosen, shared);
        }

        /**
         * Signs in by token exchange instead of OAuth M2M, for a service principal with a federation policy: when
         * validation starts, the workload's token is fetched and exchanged at the workspace's {@code /oidc/v1/token}
         * for a Databricks access token, which both transports then use (JDBC passes it through with
         * {@code AuthMech=11;Auth_Flow=0}). A refused exchange is a failed connect check.
         *
         * @param clientId the service principal's application id
         * @param workloadToken supplies a token of the policy's issuer for its subject (called once per validation)
         * @return this builder
         */
        public Builder tokenExchange(ApplicationId clientId, Supplier<Secret> workloadToken) {
            this.federated = new FederatedSignIn(InvalidInputException.requireNonNull(clientId, "client id"),
                    InvalidInputException.requireNonNull(workloadToken, "workload token source"));
            return this;
        }

        private URI workspaceUrl() {
            String text = host.contains("://") ? host : "https://" + host;
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw InvalidInputException.of("host", host, "it is not a URL", "https://<workspace host>");
            }
            if (uri.getHost() == null) {
                throw InvalidInputException.of("host", host, "it names no host", "https://<workspace host>");
            }
            boolean http = "http".equalsIgnoreCase(uri.getScheme());
            if (!http && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw InvalidInputException.of("host", host, "the scheme is not https", "https://<workspace host>");
            }
            Loopback.requireAllowed("host", host, http, uri.getHost(), plainHttpForTesting);
            return URI.create(uri.getScheme().toLowerCase() + "://" + uri.getHost()
                    + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
        }

        private static void require(boolean present, String field, String how) {
            if (!present) {
                throw InvalidInputException.of(field, null, "it is required", how);
            }
        }
    }
}
