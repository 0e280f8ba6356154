package dev.lakesetup.databricks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.InvalidInputException;
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
            boolean exists = lakesetup.call("read schema " + name, () -> OneOffReads.read(
                    workspace.restExecutor(), Schema.named(name))).isPresent();
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
        Optional<OAuthCredentials> credentials = issued.credentials()
                .or(() -> Optional.ofNullable(recipe.validationCredentials()));
        ValidationReport report = credentials.isPresent() ? asPrincipal(credentials.get()) : skipped(clientId);
        return recipe.vendorRanges().isEmpty() ? report : withIpCheck(report);
    }

    private ValidationReport asPrincipal(OAuthCredentials credentials) {
        PrincipalValidator.Builder validator = recipe.checks().apply(PrincipalValidator.builder()
                .host(workspace.host()).warehouseId(recipe.warehouseId()).credentials(credentials)
                .callPolicy(workspace.callPolicy()).listener(lakesetup.listener()));
        workspace.proxy().ifPresent(validator::proxy);
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
