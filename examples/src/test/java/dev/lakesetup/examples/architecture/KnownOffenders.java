package dev.lakesetup.examples.architecture;

import java.util.Set;

/**
 * TEMPORARY allow-list: code that other branches of the engine redesign are rewriting while the rules landed. The
 * lead drops this commit when those branches are merged; the rules then hold for every file.
 */
final class KnownOffenders {

    /** Files over 300 lines of code, by path from the project root. */
    static final Set<String> FILES = Set.of();

    /** Methods over 40 lines of code, as {@code path#Type.signature} the way the size test reports them. */
    static final Set<String> METHODS = Set.of(
            "sdk-core/src/main/java/dev/lakesetup/core/internal/apply/ReadBack.java"
                    + "#ReadBack.List<ChangeOutcome> confirm(List<Written>)",
            "sdk-core/src/main/java/dev/lakesetup/core/plan/Plan.java"
                    + "#Plan.List<Change> topologicalOrder(List<Change>, ChangeIndex)",
            "sdk-core/src/main/java/dev/lakesetup/core/plan/SavedPlanFormat.java#SavedPlanFormat.SavedPlan read(String)");

    /** Value-package classes that still call into internal (hashing helper, Plan.render). */
    static final Set<String> VALUE_CLASSES_USING_INTERNAL = Set.of(
            "dev.lakesetup.core.model.Identifier", "dev.lakesetup.core.plan.ChangeIndex",
            "dev.lakesetup.core.plan.Plan");

    /** sdk-core's packages still form cycles (the root package's facade and exceptions); checked once it is rebuilt. */
    static final String PACKAGES_WITH_CYCLES = "dev.lakesetup.core..";

    private KnownOffenders() {
    }
}
