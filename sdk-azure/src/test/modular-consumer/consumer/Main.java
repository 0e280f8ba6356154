package consumer;

import com.azure.core.credential.AccessToken;
import dev.lakesetup.azure.AdlsContainer;
import dev.lakesetup.azure.AzureConnection;
import dev.lakesetup.azure.EntraServicePrincipal;
import dev.lakesetup.azure.RoleAssignment;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Secret;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/** Plans an ADLS container, an Entra service principal and its role assignment, and prints the summary. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the plan.
     *
     * @param args tenant id, subscription id, access token, endpoint base URL, storage account, resource group,
     *     storage account key, application id
     */
    public static void main(String[] args) {
        String base = args[3];
        AzureConnection azure = AzureConnection.builder().tenantId(args[0]).subscriptionId(args[1])
                .credential(request -> Mono.just(new AccessToken(args[2], OffsetDateTime.now().plusHours(1))))
                .resourceManagerEndpoint(base + "/").graphEndpoint(base + "/")
                .storageEndpoint(account -> base + "/" + account)
                .storageSharedKey(args[4], Secret.of(args[6])).build();
        AdlsContainer container = new AdlsContainer(args[4], args[5], "landing");
        EntraServicePrincipal principal = EntraServicePrincipal.of(ApplicationId.of(args[7]), "modular-app");
        Blueprint blueprint = Blueprint.builder().resource(container).resource(principal)
                .resource(RoleAssignment.on(container, principal)).build();
        Lakesetup lakesetup = Lakesetup.builder().executor(azure.executor()).build();
        System.out.println("azure: " + lakesetup.plan(blueprint).summary());
    }
}
