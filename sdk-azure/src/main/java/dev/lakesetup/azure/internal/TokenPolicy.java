package dev.lakesetup.azure.internal;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.net.URL;
import java.util.Locale;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Adds a bearer token for Microsoft Graph or Resource Manager, choosing the scope by the request's endpoint, or for
 * Azure Storage. Tokens travel over https only, except to a loopback address (a local fake).
 */
public final class TokenPolicy implements HttpPipelinePolicy {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    /** The scope of Azure Storage tokens (blob and DFS endpoints). */
    public static final String STORAGE_SCOPE = "https://storage.azure.com/.default";

    private final TokenCredential credential;
    private final String graphEndpoint;
    private final String graphScope;
    private final String armScope;
    private final String fixedScope;

    /**
     * Creates the policy.
     *
     * @param credential where tokens come from
     * @param graphEndpoint the Graph endpoint; requests under it get the Graph scope, all others the ARM scope
     * @param armEndpoint the Resource Manager endpoint
     */
    public TokenPolicy(TokenCredential credential, String graphEndpoint, String armEndpoint) {
        this.credential = credential;
        this.graphEndpoint = withSlash(graphEndpoint);
        this.graphScope = this.graphEndpoint + ".default";
        this.armScope = withSlash(armEndpoint) + ".default";
        this.fixedScope = null;
    }

    private TokenPolicy(TokenCredential credential, String scope) {
        this.credential = credential;
        this.graphEndpoint = "";
        this.graphScope = scope;
        this.armScope = scope;
        this.fixedScope = scope;
    }

    /**
     * Returns a policy that adds Azure Storage tokens; the storage client's own bearer policy refuses plain http,
     * this one allows it to a loopback address (a local fake).
     *
     * @param credential where tokens come from
     * @return the policy
     */
    public static TokenPolicy storage(TokenCredential credential) {
        return new TokenPolicy(credential, STORAGE_SCOPE);
    }

    /**
     * Returns whether an endpoint is plain http on a loopback address, where only this policy can send tokens.
     *
     * @param endpoint an endpoint URL
     * @return whether it is {@code http://} to a loopback host (see {@link #isLoopbackHost(String)})
     */
    public static boolean isLoopbackHttp(String endpoint) {
        try {
            URL url = java.net.URI.create(endpoint).toURL();
            return "http".equals(url.getProtocol()) && isLoopbackHost(url.getHost());
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            return false;
        }
    }

    /**
     * Tells whether a host is this machine's loopback interface, decided from the text alone without a name lookup:
     * {@code localhost}, an IPv4 address in {@code 127.0.0.0/8}, or {@code ::1}. The same rule as the Databricks
     * module's loopback check, so both modules allow plain http to the same local fakes.
     *
     * @param host a host name or address, IPv6 with or without brackets
     * @return {@code true} for {@code localhost}, {@code 127.x.y.z} and {@code ::1}
     */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String text = host.toLowerCase(Locale.ROOT);
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.equals("localhost") || IPV4_LOOPBACK.matcher(text).matches() || text.equals("::1")
                || text.equals("0:0:0:0:0:0:0:1");
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        // defer: the rest of the pipeline (and the HTTP client) must see the request only after the check
        return Mono.fromRunnable(() -> authorize(context)).then(Mono.defer(next::process));
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        authorize(context);
        return next.processSync();
    }

    private void authorize(HttpPipelineCallContext context) {
        URL url = context.getHttpRequest().getUrl();
        if (!"https".equals(url.getProtocol()) && !isLoopbackHost(url.getHost())) {
            throw new IllegalStateException("refusing to send a bearer token over " + url.getProtocol() + " to "
                    + url.getHost() + ": use https");
        }
        String scope = fixedScope != null ? fixedScope
                : url.toString().startsWith(graphEndpoint + "v1.0/") ? graphScope : armScope;
        AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(scope));
        context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + token.getToken());
    }

    private static String withSlash(String endpoint) {
        return endpoint.endsWith("/") ? endpoint : endpoint + "/";
    }
}
