package dev.lakesetup.testkit.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes requests by method and path template ({@code /api/x/{name}}; {@code {name}} matches one path segment,
 * {@code {name...}} the rest of the path), so request counts can be kept per template.
 */
public final class Router {

    /** Handles one routed request. */
    @FunctionalInterface
    public interface Handler {
        /** Handles the request and returns the reply. */
        HttpReply handle(HttpExchange exchange);
    }

    /**
     * The route that matched a request.
     *
     * @param template the endpoint key: method and path template
     * @param exchange the request with its path parameters
     * @param handler the handler to run
     */
    public record Match(String template, HttpExchange exchange, Handler handler) { }

    private record Route(String method, String template, Pattern pattern, List<String> names, Handler handler) { }

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; the first route added wins when several match. */
    public Router add(String method, String template, Handler handler) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{([A-Za-z_]+)(\\.\\.\\.)?}").matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append(m.group(2) == null ? "([^/]+)" : "(.+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, handler));
        return this;
    }

    /** Finds the route for a request, or null when none matches. */
    public Match route(HttpExchange exchange) {
        for (Route r : routes) {
            if (!r.method().equals(exchange.method())) {
                continue;
            }
            Matcher m = r.pattern().matcher(exchange.path());
            if (m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; i < r.names().size(); i++) {
                    params.put(r.names().get(i), m.group(i + 1));
                }
                return new Match(r.method() + " " + r.template(), exchange.withPathParams(params), r.handler());
            }
        }
        return null;
    }
}
