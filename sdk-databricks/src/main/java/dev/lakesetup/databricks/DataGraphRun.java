package dev.lakesetup.databricks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.SchemaName;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the Data Graph recipe on the shared {@link RecipeRun}: its preflight (Unity Catalog), its blueprint
 * (which looks the reverse-ETL schema up once), validation as the principal with the recipe's checks, and the
 * connection details as hand-over. Package-private: callers use {@link DataGraphSetup#run}.
 */
final class DataGraphRun {
    private static final Logger LOG = LoggerFactory.getLogger(DataGraphRun.class);

    private final DataGraphSetup setup;
    private final Lakesetup lakesetup;
    private final DatabricksWorkspace workspace;
    private final RunOptions options;
    private Boolean reverseEtlSchemaExists;

    DataGraphRun(DataGraphSetup setup, Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options) {
        this.setup = setup;
        this.lakesetup = InvalidInputException.requireNonNull(lakesetup, "lakesetup");
        this.workspace = InvalidInputException.requireNonNull(workspace, "workspace");
        this.options = InvalidInputException.requireNonNull(options, "run options");
    }

    /** Checks Unity Catalog, looks up the reverse-ETL schema once, and plans with {@code sink} for a new secret. */
    Plan plan(SecretSink sink) {
        return recipe(sink).build().plan();
    }

    SetupResult run(SecretSink callerSink) {
        IssuedSecret issued = new IssuedSecret(callerSink);
        return recipe(issued).applyOptions(options.applyOptions())
                .validation(outcome -> applicationId(issued, outcome).map(clientId -> validate(clientId, issued)))
                .build().run(outcome -> handOver(outcome, issued));
    }

    /** The shared run with this recipe's preflight and blueprint. */
    private RecipeRun.Builder recipe(SecretSink sink) {
        return RecipeRun.builder(lakesetup).name("Data Graph setup of " + setup.principal())
                .preflight("check Unity Catalog", () -> workspace.restExecutor().checkUnityCatalog())
                .blueprint(() -> setup.blueprint(this::schemaExists, sink));
    }

    private SetupResult handOver(RecipeRun.Outcome outcome, IssuedSecret issued) {
        ApplicationId clientId = applicationId(issued, outcome).orElse(null);
        ConnectionDetails details = ConnectionDetails.builder(workspace, setup.bookkeepingCatalog())
                .warehouse(setup.warehouseId()).clientId(clientId).secret(issued.secret().orElse(null)).build();
        return new SetupResult(outcome.plan(), outcome.report(), outcome.replan().orElse(null),
                outcome.validation().orElse(null), details);
    }

    private boolean schemaExists(SchemaName schema) {
        if (reverseEtlSchemaExists == null) {
            reverseEtlSchemaExists = lakesetup.call("read schema " + schema, () -> OneOffReads.read(
                    workspace.restExecutor(), Schema.named(schema))).isPresent();
            LOG.debug("schema {} {}", schema, reverseEtlSchemaExists ? "exists" : "does not exist");
        }
        return reverseEtlSchemaExists;
    }

    private Optional<ApplicationId> applicationId(IssuedSecret issued, RecipeRun.Outcome outcome) {
        ServicePrincipal principal = setup.principal();
        if (principal.isResolved()) {
            return principal.applicationId();
        }
        if (issued.credentials().isPresent()) {
            return Optional.of(issued.credentials().get().clientId());
        }
        Optional<ApplicationId> confirmed = outcome.replan()
                .map(replan -> replan.resolvedPrincipals().get(principal));
        return confirmed.or(() -> Optional.ofNullable(outcome.plan().resolvedPrincipals().get(principal)));
    }

    private ValidationReport validate(ApplicationId clientId, IssuedSecret issued) {
        Optional<OAuthCredentials> credentials = issued.credentials()
                .or(() -> Optional.ofNullable(setup.validationCredentials()));
        if (credentials.isEmpty()) {
            String check = "connect as " + clientId;
            LOG.info("validation as {} skipped: no OAuth secret was issued in this run", clientId);
            return new ValidationReport(clientId, ValidationTransport.JDBC, List.of(ValidationCheck.skipped(check,
                    "no OAuth secret was issued in this run (the principal already has one) and none was given "
                            + "with DataGraphSetup.Builder.validateWith(credentials); if that secret's value was "
                            + "lost, rotate it: delete it in the workspace and run again to issue a new one")));
        }
        PrincipalValidator.Builder validator = setup.addValidationChecks(PrincipalValidator.builder()
                .host(workspace.host()).warehouseId(setup.warehouseId()).credentials(credentials.get())
                .callPolicy(workspace.callPolicy()).listener(lakesetup.listener()));
        workspace.proxy().ifPresent(validator::proxy);
        return options.customizeValidator(validator).build().validate();
    }

    /** Passes a new secret on to the caller's sink, then keeps it for validation and the connection details. */
    private static final class IssuedSecret implements SecretSink {
        private final SecretSink next;
        private final AtomicReference<OAuthCredentials> received = new AtomicReference<>();

        IssuedSecret(SecretSink next) {
            this.next = next;
        }

        @Override
        public void accept(OAuthCredentials credentials) {
            if (next != null) {
                next.accept(credentials);
            }
            received.set(credentials);
        }

        Optional<OAuthCredentials> credentials() {
            return Optional.ofNullable(received.get());
        }

        Optional<Secret> secret() {
            return credentials().map(OAuthCredentials::secret);
        }

        @Override
        public String toString() {
            return "IssuedSecret[" + (received.get() == null ? "none" : Secret.MASK) + "]";
        }
    }
}
