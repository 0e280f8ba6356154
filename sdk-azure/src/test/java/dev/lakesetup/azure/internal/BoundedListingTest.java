package dev.lakesetup.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import dev.lakesetup.core.exception.ServiceException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedListingTest {
    private static final HttpRequest REQUEST = new HttpRequest(HttpMethod.GET, "https://graph.example/v1.0/x");

    private static PagedResponse<String> page(List<String> items, String next) {
        return new PagedResponseBase<Void, String>(REQUEST, 200, new HttpHeaders(), items, next, null);
    }

    @Test
    void collect_followsPagesUntilTheLastAndStopsAtTheItemLimit() {
        PagedIterable<String> listing = new PagedIterable<>(() -> page(List.of("a", "b"), "p2"),
                token -> "p2".equals(token) ? page(List.of(), "p3") : page(List.of("c", "d"), null));

        assertThat(BoundedListing.collect(listing, "list x", 10)).containsExactly("a", "b", "c", "d");
        assertThat(BoundedListing.collect(listing, "list x", 3)).containsExactly("a", "b", "c");
    }

    @Test
    void collect_whenEveryPageNamesANewNextPage_stopsAtThePageCapWithAFatalFailure() {
        AtomicInteger fetched = new AtomicInteger();
        PagedIterable<String> listing = new PagedIterable<>(() -> page(List.of(), "p0"),
                token -> page(List.of(), "p" + fetched.incrementAndGet()));

        assertThatThrownBy(() -> BoundedListing.collect(listing, "list x", 10, 5))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.failure()).isEqualTo(ServiceException.Failure.FATAL))
                .hasMessageContaining("list x failed").hasMessageContaining("more than 5 pages");
        assertThat(fetched.get()).isEqualTo(5);
    }

    @Test
    void collect_whenAContinuationRepeats_failsNamingItEscaped() {
        PagedIterable<String> listing = new PagedIterable<>(() -> page(List.of("a"), "same\nline"),
                token -> page(List.of(), "same\nline"));

        assertThatThrownBy(() -> BoundedListing.collect(listing, "list x", 10))
                .isInstanceOf(ServiceException.class).hasMessageContaining("same\\u000aline twice")
                .hasMessageNotContaining("\n");
    }
}
