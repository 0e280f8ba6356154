package dev.lakesetup.databricks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.drift.DriftItem;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.SchemaName;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.databricks.internal.validation.IpAccessListCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run, on the shared {@link RecipeRun}, of a recipe whose service principal signs in with OAuth M2M (Data Graph,
 * Databricks destination, Profiles Sync, Reverse ETL source): its preflight (Unity Catalog), its blueprint (schemas
 * it asks about are looked up once per run), validation as the principal with the recipe's checks plus, given the
 * vendor's ranges, the IP access list check, and the connection details as hand-over. Package-private: callers use
 * the recipes' {@code run}.
 */
final class OAuthRecipeRun {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthRecipeRun.class);

    private final OAuthRecipe recipe;
    private final Lakesetup lakesetup;
    private final DatabricksWorkspace workspace;
    private final RunOptions options;
    private final Map<SchemaName, Boolean> schemasSeen = new ConcurrentHashMap<>();
    /** Set while verifying: a schema look-up the identity may not make counts the schema as existing. */
    private volatile boolean verifying;

    OAuthRecipeRun(OAuthRecipe recipe, Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options) {
        this.recipe = recipe;
        this.lakesetup = InvalidInputException.requireNonNull(lakesetup, "lakesetup");
        this.workspace = InvalidInputException.requireNonNull(workspace, "workspace");
        this.options = InvalidInputException.requireNonNull(options, "run options");
    }

    /** Checks Unity Catalog and plans with {@code sink} for a new secret. */
    Plan plan(SecretSink sink) {
        return runOf(sink).build().plan();
    }

    /**
     * Checks Unity Catalog, verifies the blueprint and, unless the options say not to, validates as the principal
     * when there are credentials (the options' or the recipe's) and runs the IP access list check when there are
     * vendor ranges: each check becomes an item of the report. Changes nothing; {@code sink} is never called.
     */
    DriftReport verify(SecretSink sink, VerifyOptions verifyOptions) {
        verifying = true;
        DriftReport report = runOf(sink).build().verify(verifyOptions);
        if (!verifyOptions.validates()) {
            return report;
        }
        List<DriftItem> items = new ArrayList<>();
        Optional<OAuthCredentials> credentials = verifyOptions.credentials()
                .or(() -> Optional.ofNullable(recipe.validationCredentials()));
        if (credentials.isPresent()) {
            items.addAll(ValidationDrift.items(asPrincipal(validator -> validator.credentials(credentials.get()))));
        } else if (recipe.federated() != null && recipe.principal().applicationId().isPresent()) {
            ApplicationId clientId = recipe.principal().applicationId().get();
            recipe.federated().validationToken().ifPresent(token -> items.addAll(ValidationDrift.items(
                    asPrincipal(validator -> validator.tokenExchange(clientId, token)))));
        }
        if (!recipe.vendorRanges().isEmpty()) {
            items.add(ipCheckAsVerifier());
        }
        return report.plus(items);
    }

    /**
     * Runs the IP access list check as the identity verifying: a read it may not make is a skipped item with the
     * permission it needs, not a failed check.
     */
    private DriftItem ipCheckAsVerifier() {
        IpAccessListCheck check = new IpAccessListCheck(recipe.vendorRanges());
        String[] denied = new String[1];
        ValidationCheck result = TimedCheck.run(check.name(), () -> {
            try {
                return check.run(workspace.adminClient());
            } catch (ServiceException e) {
                if (!OneOffReads.isPermissionDenied(e)) {
                    throw e;
                }
                denied[0] = "not readable by this identity (" + e.getMessage() + "); needs a workspace admin "
                        + "(reads the workspace's IP access lists)";
                return 0;
            }
        });
        return ValidationDrift.item(check.name(), denied[0] == null ? result
                : ValidationCheck.skipped(check.name(), denied[0]));
    }

    SetupResult run(SecretSink callerSink) {
        IssuedSecret issued = new IssuedSecret(callerSink);
        return runOf(issued).applyOptions(options.applyOptions()).record(options)
                .validation(outcome -> applicationId(issued, outcome).map(clientId -> validate(clientId, issued)))
                .build().run(outcome -> handOver(outcome, issued));
    }

    /** Plans the removal of what the recipe's setup gave (see {@code Lakesetup.teardown}). */
    Plan teardown(SecretSink sink, TeardownOptions teardown) {
        return lakesetup.teardown(recipe.blueprint().apply(sink, this::schemaExists),
                InvalidInputException.requireNonNull(teardown, "teardown options"));
    }

    private RecipeRun.Builder runOf(SecretSink sink) {
        return RecipeRun.builder(lakesetup).name(recipe.name() + " of " + recipe.principal())
                .preflight("check Unity Catalog", () -> workspace.restExecutor().checkUnityCatalog())
                .blueprint(() -> recipe.blueprint().apply(sink, this::schemaExists));
    }

    private SetupResult handOver(RecipeRun.Outcome outcome, IssuedSecret issued) {
        ApplicationId clientId = applicationId(issued, outcome).orElse(null);
        ConnectionDetails details = ConnectionDetails.builder(workspace, recipe.catalog())
                .warehouse(recipe.warehouseId()).clientId(clientId).secret(issued.secret().orElse(null)).build();
        return new SetupResult(outcome.plan(), outcome.report(), outcome.replan().orElse(null),
                outcome.validation().orElse(null), details);
    }

    private boolean schemaExists(SchemaName schema) {
        return schemasSeen.computeIfAbsent(schema, name -> {
            boolean exists;
            try {
                exists = lakesetup.call("read schema " + name, () -> OneOffReads.read(
                        workspace.restExecutor(), Schema.named(name))).isPresent();
            } catch (ServiceException e) {
                if (!verifying || !OneOffReads.isPermissionDenied(e)) {
                    throw e;
                }
                LOG.debug("schema {} may not be read by this identity; verified as if it existed", name);
                exists = true;
            }
            LOG.debug("schema {} {}", name, exists ? "exists" : "does not exist");
            return exists;
        });
    }

    private Optional<ApplicationId> applicationId(IssuedSecret issued, RecipeRun.Outcome outcome) {
        ServicePrincipal principal = recipe.principal();
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
        ValidationReport report;
        if (recipe.federated() != null) {
            report = recipe.federated().validationToken()
                    .map(token -> asPrincipal(validator -> validator.tokenExchange(clientId, token)))
                    .orElseGet(() -> FederatedValidation.skipped(clientId));
        } else {
            Optional<OAuthCredentials> credentials = issued.credentials()
                    .or(() -> Optional.ofNullable(recipe.validationCredentials()));
            report = credentials.isPresent()
                    ? asPrincipal(validator -> validator.credentials(credentials.get())) : skipped(clientId);
        }
        return recipe.vendorRanges().isEmpty() ? report : withIpCheck(report);
    }

    private ValidationReport asPrincipal(java.util.function.UnaryOperator<PrincipalValidator.Builder> signIn) {
        PrincipalValidator.Builder validator = recipe.checks().apply(signIn.apply(PrincipalValidator.builder()
                .host(workspace.host()).warehouseId(recipe.warehouseId())
                .callPolicy(workspace.callPolicy()).listener(lakesetup.listener())));
        workspace.proxy().ifPresent(validator::proxy);
        workspace.callGate().ifPresent(validator::callGate);
        return options.customizeValidator(validator).build().validate();
    }

    private static ValidationReport skipped(ApplicationId clientId) {
        LOG.info("validation as {} skipped: no OAuth secret was issued in this run", clientId);
        return new ValidationReport(clientId, ValidationTransport.JDBC, List.of(ValidationCheck.skipped(
                "connect as " + clientId, "no OAuth secret was issued in this run (the principal already has one) "
                        + "and none was given with the recipe builder's validateWith(credentials); if that "
                        + "secret's value was lost, rotate it: delete it in the workspace and run again to issue "
                        + "a new one")));
    }

    /** Adds the IP access list check, read as the workspace's admin; it changes nothing. */
    private ValidationReport withIpCheck(ValidationReport report) {
        IpAccessListCheck check = new IpAccessListCheck(recipe.vendorRanges());
        List<ValidationCheck> checks = new ArrayList<>(report.checks());
        checks.add(TimedCheck.run(check.name(), () -> check.run(workspace.adminClient())));
        return new ValidationReport(report.principal(), report.transport(), checks);
    }
}
