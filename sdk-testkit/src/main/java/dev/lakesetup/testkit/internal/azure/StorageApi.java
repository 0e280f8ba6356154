package dev.lakesetup.testkit.internal.azure;

import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The blob endpoint of storage accounts, path-style ({@code /{account}/{container}}, as the storage emulator
 * serves it): create, read properties of, delete and list containers (ADLS Gen2 file systems), and the DFS listing
 * of a file system's paths ({@link DfsPaths}).
 */
final class StorageApi {

    /** The service version the fake answers with when the client sends none. */
    static final String DEFAULT_VERSION = "2026-02-06";

    private static final Pattern CONTAINER_NAME = Pattern.compile("^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$");
    /**
     * The HTTP date of RFC 7231 (IMF-fixdate, the RFC 1123 form with a two-digit day): the JDK's
     * {@code RFC_1123_DATE_TIME} writes days 1-9 with one digit, which the Azure SDK refuses to parse.
     */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private final AzureState state;
    private final StorageAuth auth;

    StorageApi(AzureState state) {
        this.state = state;
        this.auth = new StorageAuth(state);
    }

    /** Returns the challenge to send with a 401 answer to a bearer request. */
    String challenge() {
        return auth.challenge();
    }

    void register(Router router) {
        router.add("PUT", "/{account}/{container}", this::create)
                .add("GET", "/{account}/{container}", this::properties)
                .add("HEAD", "/{account}/{container}", this::properties)
                .add("DELETE", "/{account}/{container}", this::delete)
                .add("GET", "/{account}", this::list);
    }

    /** Renders a storage error: the {@code x-ms-error-code} header and an XML body. */
    static HttpReply error(HttpExchange ex, int status, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>"
                + xml(message) + "\nRequestId:" + requestId + "\nTime:" + Instant.now() + "</Message></Error>";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/xml");
        headers.put("x-ms-error-code", code);
        headers.put("x-ms-request-id", requestId);
        headers.put("x-ms-version", version(ex));
        return new HttpReply(status, headers, "HEAD".equals(ex.method()) ? "" : body);
    }

    private HttpReply create(HttpExchange ex) {
        AzureState.StorageAccount account = authorize(ex);
        requireContainerResource(ex);
        String name = ex.param("container");
        if (!CONTAINER_NAME.matcher(name).matches()) {
            throw AzureError.badRequest("InvalidResourceName", "The specifed resource name contains invalid characters.");
        }
        if (state.consumeContainerBeingDeleted(account.name(), name)) {
            throw AzureError.conflict("ContainerBeingDeleted",
                    "The specified container is being deleted. Try operation later.");
        }
        if (account.containers().containsKey(name)) {
            throw AzureError.conflict("ContainerAlreadyExists", "The specified container already exists.");
        }
        Instant now = state.now();
        AzureState.Container c = new AzureState.Container(name,
                "\"0x" + Long.toHexString(now.toEpochMilli() * 10_000 + account.containers().size()).toUpperCase()
                        + "\"", now);
        account.containers().put(name, c);
        Map<String, String> headers = standard(ex);
        headers.put("ETag", c.etag());
        headers.put("Last-Modified", HTTP_DATE.format(c.lastModified()));
        return new HttpReply(201, headers, "");
    }

    private HttpReply properties(HttpExchange ex) {
        AzureState.StorageAccount account = authorize(ex);
        if ("filesystem".equals(ex.queryParam("resource")) && "GET".equals(ex.method())) {
            return DfsPaths.list(ex, account, standard(ex));
        }
        requireContainerResource(ex);
        AzureState.Container c = account.containers().get(ex.param("container"));
        if (c == null) {
            throw AzureError.notFound("ContainerNotFound", "The specified container does not exist.");
        }
        Map<String, String> headers = standard(ex);
        headers.put("ETag", c.etag());
        headers.put("Last-Modified", HTTP_DATE.format(c.lastModified()));
        headers.put("x-ms-lease-status", "unlocked");
        headers.put("x-ms-lease-state", "available");
        headers.put("x-ms-has-immutability-policy", "false");
        headers.put("x-ms-has-legal-hold", "false");
        headers.put("x-ms-default-encryption-scope", "$account-encryption-key");
        headers.put("x-ms-deny-encryption-scope-override", "false");
        return new HttpReply(200, headers, "");
    }

    private HttpReply delete(HttpExchange ex) {
        AzureState.StorageAccount account = authorize(ex);
        requireContainerResource(ex);
        account.paths().remove(ex.param("container"));
        if (account.containers().remove(ex.param("container")) == null) {
            throw AzureError.notFound("ContainerNotFound", "The specified container does not exist.");
        }
        return new HttpReply(202, standard(ex), "");
    }

    private HttpReply list(HttpExchange ex) {
        AzureState.StorageAccount account = authorize(ex);
        if (!"list".equals(ex.queryParam("comp"))) {
            throw AzureError.badRequest("InvalidQueryParameterValue",
                    "Value for one of the query parameters specified in the request URI is invalid.");
        }
        String prefix = ex.queryParam("prefix") == null ? "" : ex.queryParam("prefix");
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults "
                + "ServiceEndpoint=\"http://" + xml(String.valueOf(ex.header("Host"))) + "/" + account.name()
                + "/\">");
        if (!prefix.isEmpty()) {
            b.append("<Prefix>").append(xml(prefix)).append("</Prefix>");
        }
        b.append("<Containers>");
        account.containers().values().stream().filter(c -> c.name().startsWith(prefix)).forEach(c ->
                b.append("<Container><Name>").append(c.name()).append("</Name><Properties><Last-Modified>")
                        .append(HTTP_DATE.format(c.lastModified())).append("</Last-Modified><Etag>")
                        .append(xml(c.etag())).append("</Etag><LeaseStatus>unlocked</LeaseStatus>")
                        .append("<LeaseState>available</LeaseState><HasImmutabilityPolicy>false")
                        .append("</HasImmutabilityPolicy><HasLegalHold>false</HasLegalHold></Properties>")
                        .append("</Container>"));
        b.append("</Containers><NextMarker /></EnumerationResults>");
        Map<String, String> headers = standard(ex);
        headers.put("Content-Type", "application/xml");
        return new HttpReply(200, headers, b.toString());
    }

    private AzureState.StorageAccount authorize(HttpExchange ex) {
        AzureState.StorageAccount account = state.account(ex.param("account"));
        if (account == null) {
            throw AzureError.notFound("ResourceNotFound", "The specified resource does not exist.");
        }
        auth.authenticate(ex, account);
        return account;
    }

    private static void requireContainerResource(HttpExchange ex) {
        if (!"container".equals(ex.queryParam("restype"))) {
            throw AzureError.badRequest("UnsupportedQueryParameter",
                    "This fake serves only container operations (restype=container).");
        }
    }

    private Map<String, String> standard(HttpExchange ex) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ms-request-id", UUID.randomUUID().toString());
        headers.put("x-ms-version", version(ex));
        headers.put("Date", HTTP_DATE.format(state.now()));
        return headers;
    }

    private static String version(HttpExchange ex) {
        String v = ex.header("x-ms-version");
        return v == null ? DEFAULT_VERSION : v;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
