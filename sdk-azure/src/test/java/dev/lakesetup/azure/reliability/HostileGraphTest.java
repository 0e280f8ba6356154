package dev.lakesetup.azure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.testkit.FaultResponse;
import dev.lakesetup.testkit.FaultRule;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Microsoft Graph look-up of an application's service principal trusts nothing in the answer: a principal of
 * another application is not used, and an object id with quotes stays one string literal in the role assignment
 * filter it goes into.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileGraphTest {
    private static final String JSON = "application/json";
    private static final String OTHER_APP_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    private static String answer(String objectId, String appId) {
        return "{\"value\":[{\"id\":\"" + objectId + "\",\"appId\":\"" + appId
                + "\",\"displayName\":\"vendor-app\",\"accountEnabled\":true}]}";
    }

    @Test
    void plan_whenGraphAnswersPrincipalOfAnotherApplication_treatsItAsNotFound() {
        try (AzureRig rig = new AzureRig()) {
            rig.azure.faults().on("GET", AzureRig.GRAPH_SPS + ".*").always().respond(FaultResponse.raw(200, JSON,
                    answer("5b1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", OTHER_APP_ID)));

            Plan plan = rig.lakesetup().plan(rig.blueprint);

            assertThat(plan.change(ResourceChange.idOf(rig.sp)).orElseThrow().action()).isEqualTo(Action.CREATE);
        }
    }

    @Test
    void plan_whenGraphAnswersObjectIdWithQuotes_keepsItInsideTheFilterLiteral() {
        try (AzureRig rig = new AzureRig()) {
            rig.azure.faults().on("GET", AzureRig.GRAPH_SPS + ".*").always().respond(FaultResponse.raw(200, JSON,
                    answer("x' or principalId ne 'y", AzureRig.APP_ID)));

            Plan plan = rig.lakesetup().plan(rig.blueprint);

            // unescaped, the quotes would end the literal: the filter would ask about other principals (the fake
            // answers such a filter with 400 InvalidFilterInQueryString)
            assertThat(plan.change(ResourceChange.idOf(rig.sp)).orElseThrow().action()).isEqualTo(Action.NO_OP);
            assertThat(plan.change(ResourceChange.idOf(rig.assignment)).orElseThrow().action())
                    .isEqualTo(Action.CREATE);
        }
    }

    @Test
    void plan_whenGraphSendsEmptyPagesThatRepeatTheirNextLink_stopsWithAFailureThatIsNotRetried() {
        try (AzureRig rig = new AzureRig()) {
            String again = rig.azure.graphEndpoint() + "v1.0/servicePrincipals?$skiptoken=again";
            FaultRule endless = rig.azure.faults().on("GET", AzureRig.GRAPH_SPS + ".*").always().respond(
                    FaultResponse.raw(200, JSON, "{\"value\":[],\"@odata.nextLink\":\"" + again + "\"}"));

            Throwable failure = catchThrowable(() -> rig.lakesetup().plan(rig.blueprint));

            ServiceException cause = serviceCause(failure);
            assertThat(cause.failure()).isEqualTo(ServiceException.Failure.FATAL);
            assertThat(cause.getMessage()).contains("look up service principal of application", "twice");
            // per look-up: the first page, then the page its link names, which names it again; the principal's
            // handler and the role assignment's each look the principal up, and read in parallel (the second may
            // not start once the first failed for good); no look-up is retried
            assertThat(endless.hits()).as("two pages per look-up, at most two look-ups").isIn(2, 4);
        }
    }

    private static ServiceException serviceCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServiceException se) {
                return se;
            }
        }
        throw new AssertionError("no ServiceException in " + failure, failure);
    }
}
