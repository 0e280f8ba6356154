package dev.lakesetup.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** Wraps the default HTTP client and records the URL of every request it is asked to send. */
final class RecordingHttpClient implements HttpClient {

    private final HttpClient delegate = HttpClient.createDefault();
    private final List<URL> urls = new CopyOnWriteArrayList<>();

    List<URL> urls() {
        return List.copyOf(urls);
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        urls.add(request.getUrl());
        return delegate.send(request);
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, Context context) {
        urls.add(request.getUrl());
        return delegate.send(request, context);
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        urls.add(request.getUrl());
        return delegate.sendSync(request, context);
    }
}
