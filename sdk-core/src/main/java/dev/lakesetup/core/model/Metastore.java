package dev.lakesetup.core.model;

import java.util.List;

/**
 * The metastore assigned to the workspace. There is one per workspace, so it has no name of its own; executors
 * address it through the current metastore assignment.
 */
public final class Metastore implements Securable {
    static final Metastore INSTANCE = new Metastore();

    private Metastore() {
    }

    @Override
    public SecurableType type() {
        return SecurableType.METASTORE;
    }

    @Override
    public List<Identifier> parts() {
        return List.of();
    }

    @Override
    public String toString() {
        return "metastore";
    }
}
