package dev.lakesetup.databricks.internal;

/**
 * Hands out a {@link SqlSession} for a unit of work: {@link Jdbc} opens a connection per unit, {@link StatementRows}
 * (the statement execution API) needs none.
 */
public interface SqlSessions {
    /** Work done in one session. */
    @FunctionalInterface
    interface Work<T> {
        /**
         * Does the work.
         *
         * @param session the open session
         * @return the result
         */
        T run(SqlSession session);
    }

    /**
     * Runs the work in a session and ends the session.
     *
     * @param work the work
     * @param <T> the result type
     * @return the result
     */
    <T> T inSession(Work<T> work);
}
