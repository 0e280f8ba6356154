package dev.lakesetup.azure.internal;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * Turns an error answer whose body is not XML or JSON (the HTML page of a gateway: 502, 503, 504) into an
 * {@link HttpResponseException} carrying the status, before the client library tries to read it as its own error
 * type. The storage library otherwise throws an {@code IllegalStateException} ("Unsupported text Content-Type")
 * that says nothing about the status, and a temporary gateway failure would be classified as fatal.
 */
public final class ErrorPagePolicy implements HttpPipelinePolicy {

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return next.process().flatMap(response -> {
            if (response.getStatusCode() < 400 || isStructured(response.getHeaderValue("Content-Type"))) {
                return Mono.just(response);
            }
            HttpResponse buffered = response.buffer();
            return Mono.error(new HttpResponseException("HTTP " + response.getStatusCode() + " with a "
                    + response.getHeaderValue("Content-Type") + " body instead of the service's error", buffered));
        });
    }

    private static boolean isStructured(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.contains("xml") || type.contains("json");
    }
}
