package dev.lakesetup.azure;

import com.azure.resourcemanager.authorization.models.ServicePrincipal;
import dev.lakesetup.azure.internal.AzureClients;
import dev.lakesetup.azure.internal.AzureFailures;
import dev.lakesetup.azure.internal.BoundedListing;
import java.util.Optional;

/** Looks service principals up in Microsoft Graph by application id. */
final class GraphPrincipals {
    /** The most principals read for one look-up by application id (there is one at most). */
    private static final int MAX_LOOKUP_RESULTS = 100;

    private final AzureConnection connection;

    GraphPrincipals(AzureConnection connection) {
        this.connection = connection;
    }

    /**
     * Looks up the service principal of an application. Only a principal whose {@code appId} is the one asked for
     * and that has an object id is used, whatever else Microsoft Graph answers; the object id is opaque (Graph does
     * not promise a GUID), so every filter it goes into quotes it with {@link #odataEquals}.
     */
    Optional<ServicePrincipal> find(EntraServicePrincipal sp) {
        String appId = sp.applicationId().toString();
        String what = "look up service principal of application " + appId;
        AzureClients clients = connection.clients();
        return AzureFailures.call(what, () -> BoundedListing.collect(
                clients.authorization().servicePrincipals().listByFilter(odataEquals("appId", appId)), what,
                MAX_LOOKUP_RESULTS).stream()
                .filter(p -> appId.equalsIgnoreCase(p.applicationId()) && p.id() != null && !p.id().isBlank())
                .findFirst());
    }

    /** Returns the object id of an application's service principal, when Graph knows one. */
    Optional<String> objectIdOf(EntraServicePrincipal sp) {
        return find(sp).map(ServicePrincipal::id);
    }

    /**
     * Writes an OData {@code $filter} equality on a string property: the value in single quotes, an embedded quote
     * doubled, as OData string literals are written.
     *
     * @param property the property
     * @param value the value, any text
     * @return the filter expression, e.g. {@code appId eq 'x'}
     */
    static String odataEquals(String property, String value) {
        return property + " eq '" + value.replace("'", "''") + "'";
    }
}
