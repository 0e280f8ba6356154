package dev.lakesetup.testkit;

import dev.lakesetup.testkit.internal.databricks.Identities;
import java.time.Instant;
import java.util.List;

/**
 * An OAuth secret a {@link FakeWorkspace} holds for a service principal: what the service lists, never the value.
 *
 * @param id the secret id
 * @param createTime when it was created, on the workspace's clock
 * @param expireTime when it expires
 * @param status {@code ACTIVE}, or {@code EXPIRED} once the expiry passed on the workspace's clock
 */
public record FakeSecret(String id, Instant createTime, Instant expireTime, String status) {

    /** Lists a principal's secrets as the fake holds them; the caller holds the workspace's lock. */
    static List<FakeSecret> of(Identities identities, String applicationId) {
        Identities.Principal p = identities.byApplicationId(applicationId);
        if (p == null) {
            return List.of();
        }
        return p.secrets.stream().map(s -> new FakeSecret(s.id, Instant.parse(s.createTime),
                Instant.parse(s.expireTime), identities.isExpired(s) ? "EXPIRED" : "ACTIVE")).toList();
    }
}
