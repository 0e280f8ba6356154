package dev.lakesetup.databricks;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.fleet.CallGate;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.TableName;
import dev.lakesetup.databricks.internal.DriverManagerDataSource;
import dev.lakesetup.databricks.internal.SharedLimits;
import dev.lakesetup.databricks.internal.validation.CheckFailedException;
import dev.lakesetup.databricks.internal.validation.JdbcSession;
import dev.lakesetup.databricks.internal.validation.PrincipalSession;
import dev.lakesetup.databricks.internal.validation.StatementApiSession;
import dev.lakesetup.databricks.internal.validation.TokenExchange;
import dev.lakesetup.databricks.internal.validation.ValidationSql;
import dev.lakesetup.databricks.internal.validation.ValidationTarget;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a validation made as the service principal: sign in over the chosen transport (by token exchange
 * first, for a principal with a federation policy), then one statement per
 * check ({@code SHOW SCHEMAS}, a sample read); every statement after a failed sign-in is reported skipped.
 */
final class PrincipalStatements {
    private static final Logger LOG = LoggerFactory.getLogger(PrincipalStatements.class);

    private final ValidationTransport transport;
    private final ValidationTarget target;
    private final HttpProxy proxy;
    private final CallPolicy policy;
    private final SharedLimits shared;

    /**
     * The proxy, or {@code null}, is the user's value: the JDBC driver is configured with it. The policy's rate
     * limiter gives each JDBC statement and each statement execution API request a permit; its clock and sleeper
     * time the statement execution API's polls. The gate, or {@code null}, bounds the HTTP requests (token exchange,
     * statement execution API) with other connections'; the JDBC driver's own connections do not take it.
     */
    PrincipalStatements(ValidationTransport transport, ValidationTarget target, HttpProxy proxy, CallPolicy policy,
            CallGate gate) {
        this.transport = transport;
        this.target = target;
        this.proxy = proxy;
        this.policy = policy;
        this.shared = new SharedLimits(null, gate);
    }

    /** Signs in and runs the statements, adding one check for the sign-in and one per statement. */
    void run(List<CatalogName> catalogs, List<TableName> tables, ProgressingChecks checks) {
        String connectName = "connect as " + target.clientId();
        long start = System.nanoTime();
        PrincipalSession session = null;
        try {
            session = open();
            checks.add(ValidationCheck.passed(connectName, TimedCheck.since(start), 0));
        } catch (CheckFailedException e) {
            checks.add(ValidationCheck.failed(connectName, TimedCheck.since(start), e.getMessage()));
        }
        try {
            for (CatalogName catalog : catalogs) {
                checks.add(statement(session, ValidationSql.showSchemasCheck(catalog),
                        ValidationSql.showSchemas(catalog), connectName));
            }
            for (TableName table : tables) {
                checks.add(statement(session, ValidationSql.selectSampleCheck(table),
                        ValidationSql.selectSample(table), connectName));
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    private PrincipalSession open() {
        ValidationTarget target = this.target.federated() == null ? this.target
                : TokenExchange.signIn(this.target, policy, shared);
        return switch (transport) {
            case JDBC -> JdbcSession.open(target, policy.rateLimiter(), () -> {
                DatabricksJdbc jdbc = jdbc(target, proxy);
                return new DriverManagerDataSource(jdbc.url(), jdbc.properties(), jdbc.toString());
            });
            case STATEMENT_API -> StatementApiSession.open(target, policy, shared);
            case ADMIN_API -> throw new IllegalStateException("the builder rejects " + transport);
        };
    }

    private static ValidationCheck statement(PrincipalSession session, String name, String sql, String connectName) {
        if (session == null) {
            return ValidationCheck.skipped(name, "not run: '" + connectName + "' failed");
        }
        LOG.debug("validation statement: {}", sql);
        return TimedCheck.run(name, () -> session.query(sql));
    }

    /**
     * Builds the driver connection for a target: OAuth M2M (or, after a token exchange, the access token passed
     * through: {@code AuthMech=11;Auth_Flow=0}) with the credentials in the connection properties,
     * the driver's own retries left on (validation has no retry policy of its own), and the plain-HTTP test
     * switches when the target asks for them.
     */
    static DatabricksJdbc jdbc(ValidationTarget target, HttpProxy proxy) {
        DatabricksJdbc.Builder jdbc = DatabricksJdbc.builder().host(target.host().toString()).port(target.port())
                .warehouseId(target.warehouseId())
                .credentialsInProperties().driverRetries();
        if (target.accessToken() != null) {
            jdbc.oauthToken(target.accessToken().reveal());
        } else {
            jdbc.oauthM2m(target.clientId().toString(), target.credentials().secret().reveal());
        }
        if (target.plainHttpForTesting()) {
            jdbc.plainHttpForTesting();
        }
        if (proxy != null) {
            jdbc.proxy(proxy);
        }
        return jdbc.build();
    }
}
