/**
 * lakesetup for Azure: Entra service principals, ADLS Gen2 containers and role assignments, and their executor.
 */
module dev.lakesetup.azure {
    requires transitive dev.lakesetup.core;
    requires transitive com.azure.core;
    requires com.azure.core.management;
    requires com.azure.resourcemanager.authorization;
    requires com.azure.resourcemanager.resources;
    requires com.azure.storage.common;
    requires com.azure.storage.file.datalake;
    requires com.azure.identity;
    requires reactor.core;

    exports dev.lakesetup.azure;
}
