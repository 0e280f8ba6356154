package dev.lakesetup.testkit;

import dev.lakesetup.testkit.internal.databricks.WorkspaceContext;
import java.util.List;
import java.util.Objects;

/**
 * The fake workspace's IP access lists, as an admin would have set them up before lakesetup runs: the lists
 * ({@code GET /api/2.0/ip-access-lists}) and the setting that switches them on
 * ({@code GET /api/2.0/workspace-conf?keys=enableIpAccessLists}). The fake serves them read-only and does not
 * filter its own callers by address.
 *
 * <pre>{@code
 * fake.network().enableIpAccessLists(true).seedIpAccessList("office", "ALLOW", true, "203.0.113.0/24");
 * }</pre>
 */
public final class WorkspaceNetwork {
    private final WorkspaceContext ctx;

    WorkspaceNetwork(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Switches the IP access list feature on or off (off by default, as on a new workspace).
     *
     * @param enabled the value of {@code enableIpAccessLists}
     * @return this
     */
    public WorkspaceNetwork enableIpAccessLists(boolean enabled) {
        synchronized (ctx) {
            ctx.ipAccessLists().featureEnabled(enabled);
        }
        return this;
    }

    /**
     * Adds an IP access list.
     *
     * @param label the list's label
     * @param listType {@code ALLOW} or {@code BLOCK}
     * @param enabled whether the list is enabled
     * @param addresses IPv4 addresses and CIDR blocks, served as given
     * @return this
     */
    public WorkspaceNetwork seedIpAccessList(String label, String listType, boolean enabled, String... addresses) {
        Objects.requireNonNull(label, "label");
        synchronized (ctx) {
            ctx.ipAccessLists().add(label, listType, enabled, List.of(addresses));
        }
        return this;
    }
}
