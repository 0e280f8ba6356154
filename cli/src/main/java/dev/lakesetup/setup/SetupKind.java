package dev.lakesetup.setup;

/** What a workspace's {@code setup:} section declares: a plain blueprint, an access profile, or one recipe. */
public enum SetupKind {
    /** {@code blueprint:}: resources, grants, exclusive securables and ordering, as {@code Blueprint.builder()}. */
    BLUEPRINT("blueprint"),
    /** {@code profile:} with {@code values:}: a vendor access profile (read, write, read-write) filled in. */
    PROFILE("profile"),
    /** {@code dataGraph:}: the Data Graph recipe ({@code DataGraphSetup}). */
    DATA_GRAPH("dataGraph"),
    /** {@code azureDeltaLakeDestination:}: the Azure Delta Lake destination recipe. */
    AZURE_DELTA_LAKE_DESTINATION("azureDeltaLakeDestination"),
    /** {@code databricksDestination:}: the Databricks destination recipe. */
    DATABRICKS_DESTINATION("databricksDestination"),
    /** {@code profilesSync:}: the Profiles Sync recipe. */
    PROFILES_SYNC("profilesSync"),
    /** {@code reverseEtlSource:}: the Reverse ETL source recipe. */
    REVERSE_ETL_SOURCE("reverseEtlSource");

    private final String key;

    SetupKind(String key) {
        this.key = key;
    }

    /**
     * Returns the key that selects this kind under {@code setup:} in a file.
     *
     * @return the key, such as {@code dataGraph}
     */
    public String key() {
        return key;
    }
}
