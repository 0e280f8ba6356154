package dev.lakesetup.setup;

import dev.lakesetup.azure.AdlsContainer;
import dev.lakesetup.azure.EntraServicePrincipal;
import dev.lakesetup.azure.RoleAssignment;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.record.RecordStore;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.core.record.RunRecords;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.RunOptions;
import java.time.Instant;
import java.util.Set;

/** A plain blueprint (or a filled-in access profile): plan, apply, and a confirming re-plan. */
record BlueprintRecipe(SetupKind kind, Blueprint blueprint) implements SetupRecipe {
    private static final Set<String> AZURE_KINDS =
            Set.of(EntraServicePrincipal.KIND, AdlsContainer.KIND, RoleAssignment.KIND);

    @Override
    public Object target() {
        return blueprint;
    }

    @Override
    public boolean needsAzure() {
        return blueprint.resources().stream().anyMatch(resource -> AZURE_KINDS.contains(resource.id().kind()));
    }

    @Override
    public Plan plan(Lakesetup lakesetup, DatabricksWorkspace workspace) {
        return lakesetup.plan(blueprint);
    }

    @Override
    public SetupOutcome apply(Lakesetup lakesetup, DatabricksWorkspace workspace, RunOptions options) {
        Plan plan = lakesetup.plan(blueprint);
        options.recordStore().ifPresent(store -> keepRecord(store, options.recordKey().orElseThrow(), plan));
        ApplyReport report = lakesetup.apply(plan, options.applyOptions());
        Plan replan = report.isSuccess() ? lakesetup.plan(blueprint) : null;
        return new SetupOutcome(plan, report, replan, null, null);
    }

    @Override
    public DriftReport verify(Lakesetup lakesetup, DatabricksWorkspace workspace, VerifyOptions options,
            RunOptions runOptions) {
        return lakesetup.verify(blueprint, options);
    }

    /** Keeps the run's record before applying; a store that fails fails the run before any change. */
    private static void keepRecord(RecordStore store, String key, Plan plan) {
        try {
            RunRecords.save(store, key, RunRecord.planned(plan, Instant.now()));
        } catch (RuntimeException e) {
            throw new LakesetupException("the run record could not be saved under " + key + " in " + store
                    + ", so nothing was applied; fix the store and run again", e);
        }
    }
}
