package dev.lakesetup.testkit.internal.databricks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The service principal federation policies of the fake account, by service principal id. */
public final class FederationPolicies {

    /** The most policies one service principal may have, as the service documents it. */
    public static final int MAX_PER_PRINCIPAL = 20;

    /** One policy, as stored. */
    public static final class Policy {
        public String id;
        public String uid;
        public long principalId;
        public String description;
        public String issuer;
        public String subject;
        public String subjectClaim = "sub";
        public final List<String> audiences = new ArrayList<>();
        public String jwksJson;
        public String createTime;
    }

    private final Map<Long, List<Policy>> byPrincipal = new LinkedHashMap<>();

    /** Returns a principal's policies, in creation order (a live, mutable list). */
    public List<Policy> of(long principalId) {
        return byPrincipal.computeIfAbsent(principalId, id -> new ArrayList<>());
    }

    /** Drops every policy of a principal (when it is deleted). */
    public void forget(long principalId) {
        byPrincipal.remove(principalId);
    }
}
