package dev.lakesetup.azure;

import com.azure.resourcemanager.authorization.models.ServicePrincipal;
import dev.lakesetup.azure.internal.AzureFailures;
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
 * Reads and creates the service principals of applications in Microsoft Graph. A principal the create finds
 * already there ({@code Request_MultipleObjectsWithSameKeyValue}) is reported as already existing, so the engine
 * re-reads and adopts it; an application Graph does not accept yet is retried as not yet visible. A DELETE removes
 * the application's service principal from the tenant (Graph DELETE by object id), never the application itself;
 * one already gone counts as deleted.
 */
final class EntraPrincipalHandler implements ResourceHandler<EntraServicePrincipal> {
    private static final Logger LOG = LoggerFactory.getLogger(EntraPrincipalHandler.class);

    private final AzureConnection connection;
    private final GraphPrincipals graph;

    EntraPrincipalHandler(AzureConnection connection, GraphPrincipals graph) {
        this.connection = connection;
        this.graph = graph;
    }

    @Override
    public Class<EntraServicePrincipal> type() {
        return EntraServicePrincipal.class;
    }

    /** Answers each principal Graph knows, with the display name Graph holds (the declared one when it has none). */
    @Override
    public Map<ResourceId, EntraServicePrincipal> read(List<EntraServicePrincipal> principals,
                                                       ExecutionContext context) {
        List<Optional<ServicePrincipal>> found = context.runAll("read service principal", principals, graph::find);
        Map<ResourceId, EntraServicePrincipal> live = new LinkedHashMap<>();
        for (int i = 0; i < principals.size(); i++) {
            EntraServicePrincipal declared = principals.get(i);
            found.get(i).ifPresent(p -> live.put(declared.id(), EntraServicePrincipal.of(declared.applicationId(),
                    p.name() == null || p.name().isBlank() ? declared.displayName() : p.name())));
        }
        return live;
    }

    @Override
    public ChangeResult apply(ResourceChange change, EntraServicePrincipal sp, ExecutionContext context) {
        if (change.action() == Action.DELETE) {
            return delete(sp);
        }
        AzureFailures.call("create service principal for application " + sp.applicationId(), () -> connection
                .clients().authorization().servicePrincipals().define(sp.displayName())
                .withExistingApplication(sp.applicationId().toString()).create());
        LOG.info("applied {} {}", change.action(), sp.id());
        return ChangeResult.done();
    }

    @Override
    public boolean canDelete() {
        return true;
    }

    private ChangeResult delete(EntraServicePrincipal sp) {
        Optional<ServicePrincipal> found = graph.find(sp);
        if (found.isPresent()) {
            String objectId = found.get().id();
            AzureFailures.delete("delete service principal " + objectId + " of application " + sp.applicationId(),
                    () -> connection.clients().authorization().servicePrincipals().deleteById(objectId));
            LOG.info("applied DELETE {}", sp.id());
        }
        return ChangeResult.done();
    }
}
