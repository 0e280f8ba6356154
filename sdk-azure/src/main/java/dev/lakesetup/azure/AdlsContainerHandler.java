package dev.lakesetup.azure;

import com.azure.core.util.Context;
import com.azure.core.http.rest.PagedResponse;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.models.ListPathsOptions;
import com.azure.storage.file.datalake.models.PathItem;
import dev.lakesetup.azure.internal.AzureFailures;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and creates ADLS Gen2 containers through the storage account's DFS endpoint. A container that exists is
 * reported as already existing ({@code ContainerAlreadyExists}); one being deleted is retried as transient.
 *
 * <p>A DELETE removes only an empty container: it first lists the container's top level with one bounded request
 * (at most one path) and refuses, with an error that names a path it holds, when anything is there; a container
 * already gone counts as deleted. The check and the delete are two requests: a file written between them is
 * deleted with the container (the service offers no delete-if-empty).
 */
final class AdlsContainerHandler implements ResourceHandler<AdlsContainer> {
    private static final Logger LOG = LoggerFactory.getLogger(AdlsContainerHandler.class);

    private final AzureConnection connection;

    AdlsContainerHandler(AzureConnection connection) {
        this.connection = connection;
    }

    @Override
    public Class<AdlsContainer> type() {
        return AdlsContainer.class;
    }

    /** Answers each container that exists; a container's live state is its existence, so it is the declared one. */
    @Override
    public Map<ResourceId, AdlsContainer> read(List<AdlsContainer> containers, ExecutionContext context) {
        List<Boolean> exists = context.runAll("read container", containers, this::exists);
        Map<ResourceId, AdlsContainer> live = new LinkedHashMap<>();
        for (int i = 0; i < containers.size(); i++) {
            if (exists.get(i)) {
                live.put(containers.get(i).id(), containers.get(i));
            }
        }
        return live;
    }

    private boolean exists(AdlsContainer c) {
        return AzureFailures.call("read container " + c.id().key(), () -> connection.clients()
                .dataLake(c.storageAccount()).getFileSystemClient(c.container()).exists());
    }

    @Override
    public ChangeResult apply(ResourceChange change, AdlsContainer c, ExecutionContext context) {
        if (change.action() == Action.DELETE) {
            return delete(c);
        }
        AzureFailures.call("create container " + c.id().key(), () -> connection.clients()
                .dataLake(c.storageAccount()).getFileSystemClient(c.container())
                .createWithResponse(null, null, null, Context.NONE));
        LOG.info("applied {} {}", change.action(), c.id());
        return ChangeResult.done();
    }

    @Override
    public boolean canDelete() {
        return true;
    }

    private ChangeResult delete(AdlsContainer c) {
        DataLakeFileSystemClient fs = connection.clients().dataLake(c.storageAccount())
                .getFileSystemClient(c.container());
        String what = "container " + c.id().key();
        Optional<PagedResponse<PathItem>> first;
        try {
            first = Optional.of(AzureFailures.call("list the top level of " + what, () -> fs.listPaths(
                    new ListPathsOptions().setRecursive(false).setMaxResults(1), null).iterableByPage().iterator()
                    .next()));
        } catch (ServiceException e) {
            if (e.status() != 404) {
                throw e;
            }
            first = Optional.empty();
        }
        if (first.isPresent()) {
            refuseUnlessEmpty(what, first.get());
            AzureFailures.delete("delete " + what, () -> fs.deleteWithResponse(null, null, Context.NONE));
            LOG.info("applied DELETE {}", c.id());
        }
        return ChangeResult.done();
    }

    private static void refuseUnlessEmpty(String what, PagedResponse<PathItem> first) {
        if (!first.getValue().isEmpty()) {
            throw ServiceException.builder(ServiceException.Failure.FATAL, what + " is not empty (it holds '"
                    + first.getValue().get(0).getName() + "'): lakesetup deletes only empty containers; empty it "
                    + "or leave it out of the teardown").build();
        }
        if (first.getContinuationToken() != null && !first.getContinuationToken().isEmpty()) {
            throw ServiceException.builder(ServiceException.Failure.FATAL, what + " could not be shown empty (the "
                    + "service answered an empty page with more to come): lakesetup deletes only empty containers")
                    .build();
        }
    }
}
