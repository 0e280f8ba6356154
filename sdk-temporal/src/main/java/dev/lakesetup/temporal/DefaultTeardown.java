package dev.lakesetup.temporal;

import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.record.RunRecords;
import dev.lakesetup.core.record.TeardownOptions;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The default teardown of {@link FleetLifecycle#teardown}: {@code Lakesetup.teardown} with the record the
 * onboarding activities saved for the target, applied with revokes and deletes allowed (the offboarding is the
 * explicit request for both).
 */
final class DefaultTeardown {
    private DefaultTeardown() {
    }

    static List<String> run(LifecycleSession session) {
        TeardownOptions options = RunRecords.load(session.records(), session.runRecordKey())
                .map(TeardownOptions.defaults()::record).orElse(TeardownOptions.defaults());
        Plan plan = session.lakesetup().teardown(session.blueprint(), options);
        ApplyReport report = session.lakesetup().apply(plan,
                ApplyOptions.defaults().withRevokesAllowed().withDeletesAllowed());
        if (!report.isSuccess()) {
            throw ApplicationFailure.newFailure("the teardown of " + session.target().workspaceRef() + " failed: "
                    + report.failures().stream().map(f -> f.change().object() + ": " + f.reason())
                            .map(ServiceText::escape).collect(Collectors.joining("; ")), "TeardownFailed");
        }
        return report.outcomes().stream().filter(ChangeOutcome::succeeded)
                .map(o -> ServiceText.escape(o.change().action().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + o.change().object()))
                .toList();
    }
}
