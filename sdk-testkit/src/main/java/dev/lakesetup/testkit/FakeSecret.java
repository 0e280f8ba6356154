package dev.lakesetup.testkit;

import java.time.Instant;

/**
 * An OAuth secret a {@link FakeWorkspace} holds for a service principal: what the service lists, never the value.
 *
 * @param id the secret id
 * @param createTime when it was created, on the workspace's clock
 * @param expireTime when it expires
 * @param status {@code ACTIVE}, or {@code EXPIRED} once the expiry passed on the workspace's clock
 */
public record FakeSecret(String id, Instant createTime, Instant expireTime, String status) {
}
