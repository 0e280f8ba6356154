package dev.lakesetup.databricks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.testing.FakeTime;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A {@code Retry-After} HTTP date is measured against the call policy's clock, the one the retry waits on. */
class RetryAfterDateTest {
    private final FakeTime time = new FakeTime();

    /** A date 90 seconds after the fake clock's now, far in the past of the real clock. */
    private String ninetySecondsLater() {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(90).atOffset(ZoneOffset.UTC));
    }

    @Test
    void execute_whenAnApiAnswerCarriesARetryAfterDate_measuresItOnTheGivenClock() {
        String date = ninetySecondsLater();
        RetryAfterRelay relay = new RetryAfterRelay(request -> new Response(request, 503, "Service Unavailable",
                Map.of("Retry-After", List.of(date)), "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"x\"}"),
                time);

        assertThatThrownBy(() -> relay.execute(new Request("GET", "http://127.0.0.1:9/api/2.1/unity-catalog/catalogs")))
                .isInstanceOf(RetryAfterAnswer.class)
                .satisfies(e -> assertThat(((RetryAfterAnswer) e).retryAfter()).isEqualTo(Duration.ofSeconds(90)));
    }

    @Test
    void execute_whenATokenAnswerCarriesARetryAfterDate_measuresItOnTheGivenClock() {
        String date = ninetySecondsLater();
        TokenEndpointGuard guard = new TokenEndpointGuard(request -> new Response(request, 429, "Too Many Requests",
                Map.of("Retry-After", List.of(date)), ""), time);

        assertThatThrownBy(() -> guard.execute(new Request("POST", "http://127.0.0.1:9/oidc/v1/token",
                "grant_type=client_credentials")))
                .isInstanceOf(ServiceException.class)
                .satisfies(e -> assertThat(((ServiceException) e).retryAfter()).contains(Duration.ofSeconds(90)));
    }
}
