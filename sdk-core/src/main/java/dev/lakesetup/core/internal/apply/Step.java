package dev.lakesetup.core.internal.apply;

import dev.lakesetup.core.apply.ChangeOutcome;
import java.util.List;

/** What one task of an apply hands back to the applier: decided outcomes, or a grant written and not yet confirmed. */
sealed interface Step {

    /**
     * Outcomes that are decided.
     *
     * @param outcomes one per change, in no particular order
     */
    record Decided(List<ChangeOutcome> outcomes) implements Step {
    }

    /**
     * A grant change whose write succeeded; its outcome waits for a bulk read-back.
     *
     * @param grant the written change
     */
    record Unconfirmed(ReadBack.Written grant) implements Step {
    }
}
