package dev.lakesetup.core.render;

/** The formats a {@link dev.lakesetup.core.plan.Plan} renders to with {@code plan.render(format)}. */
public enum PlanFormat {
    /**
     * For people: one line per change prefixed {@code +}, {@code ~}, {@code -} or {@code !}, its details indented
     * beneath, and a summary line. Unchanged objects are counted, not listed. Secrets are masked.
     */
    TEXT,
    /** For machines: the stable JSON document described in {@code docs/plan-json.md}. */
    JSON,
    /**
     * For review: a Databricks SQL script. Changes with a SQL form are statements; API-only changes (storage
     * credentials, service principals, entitlements, warehouse permissions, OAuth secrets) are comments naming
     * the call; service principals not created yet appear as a readable placeholder.
     */
    SQL
}
