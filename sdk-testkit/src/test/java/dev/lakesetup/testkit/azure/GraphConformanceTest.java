package dev.lakesetup.testkit.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.authorization.models.ServicePrincipal;
import dev.lakesetup.testkit.FakeAzure;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the fake Microsoft Graph service principal endpoints with the official Azure client. */
class GraphConformanceTest {

    private static final String APP_ID = "0d5e1c7a-3b2f-4f6e-9a8b-1c2d3e4f5a6b";

    private FakeAzure azure;
    private AuthorizationManager manager;

    @BeforeEach
    void start() {
        azure = FakeAzure.builder().application(APP_ID, "vendor-app").build().start();
        manager = AzureClients.authorization(azure);
    }

    @AfterEach
    void stop() {
        azure.close();
    }

    @Test
    void create_whenApplicationKnown_returnsPrincipalWithObjectId() {
        ServicePrincipal sp = manager.servicePrincipals().define("vendor-app").withExistingApplication(APP_ID)
                .create();

        assertThat(sp.applicationId()).isEqualTo(APP_ID);
        assertThat(sp.id()).isNotBlank().isNotEqualTo(APP_ID);
        assertThat(azure.snapshot().servicePrincipals()).singleElement()
                .satisfies(p -> {
                    assertThat(p.id()).isEqualTo(sp.id());
                    assertThat(p.appId()).isEqualTo(APP_ID);
                    assertThat(p.accountEnabled()).isTrue();
                });
        assertThat(azure.requests().count("POST /v1.0/servicePrincipals")).isEqualTo(1);
    }

    @Test
    void create_whenPrincipalExists_fails409MultipleObjectsWithSameKeyValue() {
        azure.seedServicePrincipal(APP_ID, "vendor-app");

        ManagementException e = catchThrowableOfType(ManagementException.class, () ->
                manager.servicePrincipals().define("vendor-app").withExistingApplication(APP_ID).create());

        assertThat(e.getResponse().getStatusCode()).isEqualTo(409);
        assertThat(e.getValue().getCode()).isEqualTo("Request_MultipleObjectsWithSameKeyValue");
        assertThat(azure.snapshot().servicePrincipals()).hasSize(1);
    }

    @Test
    void create_whenApplicationUnknown_fails400BadRequest() {
        ManagementException e = catchThrowableOfType(ManagementException.class, () -> manager.servicePrincipals()
                .define("x").withExistingApplication("11111111-2222-3333-4444-555555555555").create());

        assertThat(e.getResponse().getStatusCode()).isEqualTo(400);
        assertThat(e.getValue().getCode()).isEqualTo("Request_BadRequest");
        assertThat(e.getValue().getMessage()).contains("does not reference a valid application object");
    }

    @Test
    void create_whenApplicationNotYetValid_failsThenSucceeds() {
        azure.faults().applicationNotYetValid(APP_ID, 1);

        ManagementException e = catchThrowableOfType(ManagementException.class, () ->
                manager.servicePrincipals().define("vendor-app").withExistingApplication(APP_ID).create());
        ServicePrincipal sp = manager.servicePrincipals().define("vendor-app").withExistingApplication(APP_ID)
                .create();

        assertThat(e.getValue().getCode()).isEqualTo("Request_BadRequest");
        assertThat(sp.applicationId()).isEqualTo(APP_ID);
    }

    @Test
    void listByFilter_whenAppIdMatches_returnsOnlyThatPrincipal() {
        String id = azure.seedServicePrincipal(APP_ID, "vendor-app");
        azure.seedServicePrincipal("99999999-8888-4777-8666-555555555555", "other");

        List<ServicePrincipal> found = manager.servicePrincipals()
                .listByFilter("appId eq '" + APP_ID + "'").stream().toList();

        assertThat(found).extracting(ServicePrincipal::id).containsExactly(id);
    }

    @Test
    void listByFilter_whenLiteralHasDoubledQuote_matchesTheQuote() {
        azure.seedServicePrincipal(APP_ID, "o'brien");

        List<ServicePrincipal> found = manager.servicePrincipals().listByFilter("displayName eq 'o''brien'")
                .stream().toList();
        List<ServicePrincipal> none = manager.servicePrincipals().listByFilter("appId eq 'o''brien'")
                .stream().toList();

        assertThat(found).extracting(ServicePrincipal::name).containsExactly("o'brien");
        assertThat(none).isEmpty();
    }

    @Test
    void getById_whenMissing_fails404ResourceNotFound() {
        ManagementException e = catchThrowableOfType(ManagementException.class, () ->
                manager.serviceClient().getServicePrincipalsServicePrincipals()
                        .getServicePrincipal("00000000-0000-0000-0000-000000000000"));

        assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
        assertThat(e.getValue().getCode()).isEqualTo("Request_ResourceNotFound");
    }
}
