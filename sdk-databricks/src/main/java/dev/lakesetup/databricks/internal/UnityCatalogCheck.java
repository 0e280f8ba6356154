package dev.lakesetup.databricks.internal;

import com.databricks.sdk.service.catalog.MetastoreAssignment;
import dev.lakesetup.core.exception.ServiceException;

/**
 * Checks once that Unity Catalog is enabled on the workspace (a metastore is assigned), before the first Unity
 * Catalog read or change of any handler sharing it; later calls return the remembered metastore id. Parallel first
 * calls wait for one request. Thread-safe.
 */
public final class UnityCatalogCheck {
    private final SdkClients clients;
    private final Object lock = new Object();
    private volatile String metastoreId;

    /**
     * Creates the check.
     *
     * @param clients the SDK clients
     */
    public UnityCatalogCheck(SdkClients clients) {
        this.clients = clients;
    }

    /**
     * Returns the id of the metastore assigned to the workspace, asking the service the first time.
     *
     * @return the metastore id
     * @throws ServiceException of kind {@code FATAL} naming the workspace when no metastore is assigned, or when the
     *     host does not serve the Unity Catalog API at all
     */
    public String metastoreId() {
        String known = metastoreId;
        if (known != null) {
            return known;
        }
        synchronized (lock) {
            return metastoreId != null ? metastoreId : fetch();
        }
    }

    private String fetch() {
        MetastoreAssignment assignment;
        try {
            assignment = Calls.run("get the current metastore assignment",
                    () -> clients.workspace().metastores().current());
        } catch (ServiceException e) {
            if ("METASTORE_DOES_NOT_EXIST".equals(e.errorCode())) {
                throw noMetastore(e);
            }
            if (e.status() == 404) {
                throw notUnityCatalog(e);
            }
            throw e;
        }
        if (assignment == null || assignment.getMetastoreId() == null || assignment.getMetastoreId().isEmpty()) {
            throw noMetastore(null);
        }
        metastoreId = assignment.getMetastoreId();
        return metastoreId;
    }

    /** A 404 without {@code METASTORE_DOES_NOT_EXIST}: the host is not a Databricks workspace's API at all. */
    private ServiceException notUnityCatalog(ServiceException cause) {
        return ServiceException.builder(ServiceException.Failure.FATAL, clients.workspace().config().getHost()
                + " does not serve the Unity Catalog API: GET /api/2.1/unity-catalog/current-metastore-assignment "
                + "answered 404" + (cause.errorCode().isEmpty() ? "" : " " + cause.errorCode())
                + ". Check that the host is the workspace URL (https://adb-....azuredatabricks.net, "
                + "https://<name>.cloud.databricks.com) and not the account console or a proxy; nothing was changed.")
                .errorCode(cause.errorCode()).status(404).cause(cause).build();
    }

    private ServiceException noMetastore(Throwable cause) {
        return ServiceException.builder(ServiceException.Failure.FATAL, "Unity Catalog is not enabled on "
                + clients.workspace().config().getHost() + ": no metastore is assigned to the workspace. Assign a "
                + "metastore (account console > Catalog > Metastores) before applying; nothing was changed.")
                .errorCode("METASTORE_DOES_NOT_EXIST").status(404).cause(cause).build();
    }
}
