package dev.lakesetup.databricks.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.testkit.FaultResponse;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answers that are not what the API promises (truncated or mistyped JSON, HTML pages with 200 or 500, an empty
 * body) become a typed {@link dev.lakesetup.core.exception.ServiceException} on a read and a failed change on a write: never
 * an unrelated exception type, never a hang.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MalformedResponsesTest {
    private static final String JSON = "application/json";
    private static final Blueprint CATALOG = Blueprint.builder().resource(Catalog.named("sales").comment("orders"))
            .build();

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("truncated JSON", FaultResponse.raw(200, JSON, "{\"name\": \"sales\", \"comm")),
                Arguments.of("wrong JSON types", FaultResponse.raw(200, JSON,
                        "{\"name\": [\"sales\"], \"comment\": {\"x\": 1}, \"created_at\": \"yesterday\"}")),
                Arguments.of("HTML with 200", FaultResponse.raw(200, "text/html",
                        "<html><body><h1>Sign in</h1></body></html>")),
                Arguments.of("HTML with 500", FaultResponse.raw(500, "text/html",
                        "<html><body><h1>500 Internal Server Error</h1></body></html>")),
                Arguments.of("JSON array instead of object", FaultResponse.raw(200, JSON, "[1, 2, 3]")));
    }

    @ParameterizedTest(name = "{0} on a read")
    @MethodSource("answers")
    void plan_whenReadAnswerIsMalformed_failsWithTypedServiceException(String name, FaultResponse answer) {
        try (Rig rig = Rig.withPat()) {
            rig.fake.faults().on("GET", Rig.CATALOGS + "/sales").always().respond(answer);
            Lakesetup lakesetup = rig.lakesetup();

            Throwable failure = catchThrowable(() -> lakesetup.plan(CATALOG));

            assertThat(failure).isInstanceOf(LakesetupException.class).hasMessageContaining("catalog sales");
            assertThat(Rig.serviceCause(failure)).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0} on a write")
    @MethodSource("answers")
    void apply_whenWriteAnswerIsMalformed_failsThatChangeOrConfirmsByReading(String name, FaultResponse answer) {
        try (Rig rig = Rig.withPat()) {
            Lakesetup lakesetup = rig.lakesetup();
            Plan plan = lakesetup.plan(CATALOG);
            rig.fake.faults().on("POST", Rig.CATALOGS).always().respond(answer);

            ApplyReport report = lakesetup.apply(plan);

            ChangeOutcome catalog = Rig.outcomeOf(report, "catalog sales");
            assertThat(catalog.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(catalog.reason()).contains("catalog sales").doesNotContain("NullPointerException")
                    .doesNotContain("ClassCastException");
            assertThat(catalog.attempts()).isBetween(1, 5);
        }
    }

    @ParameterizedTest(name = "empty body with {0}")
    @MethodSource("emptyStatuses")
    void apply_whenWriteAnswerIsEmpty_neverCrashes(int status) {
        try (Rig rig = Rig.withPat()) {
            Lakesetup lakesetup = rig.lakesetup();
            Plan plan = lakesetup.plan(CATALOG);
            rig.fake.faults().on("POST", Rig.CATALOGS).always().respond(FaultResponse.raw(status, JSON, ""));

            ApplyReport report = lakesetup.apply(plan);

            ChangeOutcome catalog = Rig.outcomeOf(report, "catalog sales");
            assertThat(catalog.outcome()).isIn(Outcome.FAILED, Outcome.APPLIED);
            if (catalog.outcome() == Outcome.FAILED) {
                assertThat(catalog.reason()).contains("catalog sales");
            }
        }
    }

    static Stream<Integer> emptyStatuses() {
        return Stream.of(200, 500, 503);
    }
}
