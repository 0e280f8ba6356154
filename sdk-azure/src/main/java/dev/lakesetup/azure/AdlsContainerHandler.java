package dev.lakesetup.azure;

import com.azure.core.util.Context;
import dev.lakesetup.azure.internal.AzureFailures;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and creates ADLS Gen2 containers through the storage account's DFS endpoint. A container that exists is
 * reported as already existing ({@code ContainerAlreadyExists}); one being deleted is retried as transient.
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
        AzureFailures.call("create container " + c.id().key(), () -> connection.clients()
                .dataLake(c.storageAccount()).getFileSystemClient(c.container())
                .createWithResponse(null, null, null, Context.NONE));
        LOG.info("applied {} {}", change.action(), c.id());
        return ChangeResult.done();
    }
}
