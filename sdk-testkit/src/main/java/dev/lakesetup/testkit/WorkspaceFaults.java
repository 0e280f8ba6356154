package dev.lakesetup.testkit;

import dev.lakesetup.testkit.internal.databricks.WorkspaceContext;
import dev.lakesetup.testkit.internal.http.FaultRules;
import java.util.Objects;

/**
 * Faults of a {@link FakeWorkspace}: the generic HTTP faults of {@link Faults} plus the misbehaviours the Databricks
 * services show in the wild (a new principal that grants cannot see yet, a statement that fails with HTTP 200, a
 * stale read-back of grants, a statement that stays PENDING).
 */
public final class WorkspaceFaults extends Faults {

    private final WorkspaceContext ctx;

    WorkspaceFaults(FaultRules rules, WorkspaceContext ctx) {
        super(rules);
        this.ctx = ctx;
    }

    /**
     * Makes the next {@code calls} grant changes naming {@code principal} (permissions PATCH, SQL GRANT / REVOKE)
     * fail with {@code PRINCIPAL_DOES_NOT_EXIST}, as right after the principal was created.
     *
     * @param principal the principal
     * @param calls how many calls it lasts
     * @return this fault setup
     */
    public WorkspaceFaults principalInvisible(String principal, int calls) {
        Objects.requireNonNull(principal, "principal");
        requirePositive(calls);
        synchronized (ctx) {
            ctx.principalInvisible(principal, calls);
        }
        return this;
    }

    /**
     * Makes the next {@code times} statements whose text matches {@code sqlRegex} (case-insensitive, found anywhere)
     * come back as HTTP 200 with state FAILED and this error.
     *
     * @param sqlRegex a regular expression the statement text must contain a match of
     * @param times how many matching statements fail
     * @param errorCode a statement error code of the service: BAD_REQUEST, NOT_FOUND, ALREADY_EXISTS, INTERNAL_ERROR...
     * @param message the error message the statement fails with
     * @return this fault setup
     */
    public WorkspaceFaults failStatement(String sqlRegex, int times, String errorCode, String message) {
        requirePositive(times);
        synchronized (ctx) {
            ctx.failStatements(Objects.requireNonNull(sqlRegex, "sqlRegex"), times,
                    Objects.requireNonNull(errorCode, "errorCode"), Objects.requireNonNull(message, "message"));
        }
        return this;
    }

    /**
     * Makes each later grants change be followed by {@code calls} reads of that securable's old grants.
     *
     * @param calls how many calls it lasts
     * @return this fault setup
     */
    public WorkspaceFaults staleGrantsReadBack(int calls) {
        requirePositive(calls);
        synchronized (ctx) {
            ctx.staleReadsAfterChange(calls);
        }
        return this;
    }

    /**
     * Makes each later statement report PENDING for {@code polls} status reads before its result.
     *
     * @param polls how many status reads see PENDING
     * @return this fault setup
     */
    public WorkspaceFaults statementsPendingFor(int polls) {
        if (polls < 0) {
            throw new IllegalArgumentException("polls must not be negative, was " + polls);
        }
        synchronized (ctx) {
            ctx.pendingPolls(polls);
        }
        return this;
    }

    /** Removes every HTTP fault rule and every workspace-specific fault. */
    @Override
    public void clear() {
        super.clear();
        synchronized (ctx) {
            ctx.clearFaults();
        }
    }

    private static void requirePositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + n);
        }
    }
}
