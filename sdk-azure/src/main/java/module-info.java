/**
 * lakesetup for Azure: Entra service principals, ADLS Gen2 containers and role assignments, their executor, and
 * the Azure Delta Lake destination recipe.
 */
module dev.lakesetup.azure {
    requires transitive dev.lakesetup.core;
    requires transitive dev.lakesetup.databricks;
    requires transitive com.azure.core;
    requires com.azure.core.management;
    requires com.azure.resourcemanager.authorization;
    requires com.azure.resourcemanager.resources;
    requires com.azure.storage.common;
    requires com.azure.storage.file.datalake;
    requires com.azure.identity;
    requires reactor.core;
    requires com.azure.http.netty;
    requires io.netty.common;
    requires io.netty.transport;
    requires reactor.netty.core;

    exports dev.lakesetup.azure;
}
