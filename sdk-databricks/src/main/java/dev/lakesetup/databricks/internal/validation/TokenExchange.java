package dev.lakesetup.databricks.internal.validation;

import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.databricks.internal.JdkHttpClient;
import dev.lakesetup.databricks.internal.SharedLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a service principal in by OAuth 2.0 token exchange (RFC 8693), as workload identity federation does: the
 * workload's token goes to the workspace's {@code /oidc/v1/token} with {@code client_id} (the principal's application
 * id), {@code subject_token_type} {@code urn:ietf:params:oauth:token-type:jwt} and {@code scope=all-apis}, and the
 * answer's {@code access_token} is the Databricks token the validation's sessions then use. The request goes through
 * lakesetup's HTTP client (the workspace's rate limit, the shared call gate when given, and the proxy); neither
 * token reaches a log line or a message.
 */
public final class TokenExchange {
    /** The grant type of a token exchange. */
    public static final String GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
    /** The type of the workload's token. */
    public static final String JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    private static final Logger LOG = LoggerFactory.getLogger(TokenExchange.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TokenExchange() {
    }

    /**
     * Exchanges the workload's token for a Databricks access token.
     *
     * @param target the workspace, with the federated sign-in
     * @param policy the call policy whose rate limiter the request takes a permit of
     * @param shared the call gate (a fleet's) the request takes a slot of while on the wire, when given
     * @return the target, signed in with the access token
     * @throws CheckFailedException saying why (no token from the source, the service's refusal), with no token in it
     */
    public static ValidationTarget signIn(ValidationTarget target, CallPolicy policy, SharedLimits shared) {
        FederatedSignIn federated = target.federated();
        Secret subject = subjectToken(federated);
        SecretScrubber scrubber = new SecretScrubber(subject);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT);
        form.put("client_id", federated.clientId().toString());
        form.put("subject_token_type", JWT_TYPE);
        form.put("subject_token", subject.reveal());
        form.put("scope", "all-apis");
        Request request = new Request("POST", target.host() + "/oidc/v1/token", encode(form))
                .withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withHeader("Accept", "application/json");
        LOG.debug("signing in to {} as {} by token exchange", target.host(), federated.clientId());
        String what = "token exchange as " + federated.clientId() + " at " + target.host() + "/oidc/v1/token";
        try {
            Response response = new JdkHttpClient(policy.rateLimiter(), shared, TIMEOUT,
                    JdkHttpClient.DEFAULT_MAX_RESPONSE_BYTES, JdkHttpClient.DEFAULT_REQUEST_DEADLINE, target.proxy())
                    .execute(request);
            JsonNode body = readJson(response);
            String token = body.path("access_token").asText("");
            if (response.getStatusCode() == 200 && !token.isEmpty()) {
                return target.withAccessToken(Secret.of(token));
            }
            String reason = body.path("error").asText("") + (body.hasNonNull("error_description")
                    ? ": " + body.get("error_description").asText() : "");
            throw new CheckFailedException(what + " was refused (HTTP " + response.getStatusCode() + "): "
                    + ServiceText.escape(scrubber.scrub(reason.isBlank() ? "no reason given" : reason)));
        } catch (IOException | RuntimeException e) {
            if (e instanceof CheckFailedException failed) {
                throw failed;
            }
            throw new CheckFailedException(what + " failed: " + scrubber.describe(e));
        }
    }

    private static Secret subjectToken(FederatedSignIn federated) {
        Secret token;
        try {
            token = federated.subjectToken().get();
        } catch (RuntimeException e) {
            throw new CheckFailedException("the workload token source of " + federated.clientId() + " failed ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (token == null) {
            throw new CheckFailedException("the workload token source of " + federated.clientId()
                    + " gave no token");
        }
        return token;
    }

    private static JsonNode readJson(Response response) throws IOException {
        try (InputStream in = response.getBody()) {
            if (in == null) {
                return MAPPER.createObjectNode();
            }
            JsonNode node = MAPPER.readTree(in);
            return node == null || !node.isObject() ? MAPPER.createObjectNode() : node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return MAPPER.createObjectNode();
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
