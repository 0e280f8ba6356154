package dev.lakesetup.azure.internal;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import dev.lakesetup.core.apply.RateLimiter;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Takes one permit of a {@link RateLimiter} before every request an Azure pipeline sends (Graph, Resource Manager,
 * storage). It sits after the pipeline's retry policy ({@link HttpPipelinePosition#PER_RETRY}), so a request the
 * pipeline sends again takes a permit again: one permit per request on the wire. In the asynchronous path the permit
 * is taken when the request is subscribed to, on the subscribing thread; lakesetup's calls are synchronous, so that
 * is the calling thread.
 */
public final class RateLimitPolicy implements HttpPipelinePolicy {
    private final RateLimiter limiter;

    /**
     * Creates the policy.
     *
     * @param limiter the limiter shared by every pipeline of one connection
     */
    public RateLimitPolicy(RateLimiter limiter) {
        this.limiter = Objects.requireNonNull(limiter, "rate limiter");
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return Mono.defer(() -> {
            limiter.acquire();
            return next.process();
        });
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        limiter.acquire();
        return next.processSync();
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
    }

    @Override
    public String toString() {
        return "RateLimitPolicy[" + limiter + "]";
    }
}
