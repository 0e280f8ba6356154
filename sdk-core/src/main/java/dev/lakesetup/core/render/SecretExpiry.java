package dev.lakesetup.core.render;

import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PlanBasis;
import dev.lakesetup.core.plan.ResourceChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the plan renderers show about an OAuth secret's expiry: for a secret kept, when the principal's
 * longest-lasting active secret expires (as read); for a new one, how long it will last and, when one exists, why it
 * is issued anew. Reads the live expiry from the plan's basis, so it needs no secret and shows none.
 */
final class SecretExpiry {
    private SecretExpiry() {
    }

    /**
     * Returns the secret a change is about, when it is an OAuth secret.
     *
     * @param change a resource change
     * @return the declared secret, or empty
     */
    static Optional<OAuthSecret> secretOf(ResourceChange change) {
        return change.resource() instanceof OAuthSecret secret ? Optional.of(secret) : Optional.empty();
    }

    /**
     * Returns when the live active secret expires, as the plan read it.
     *
     * @param plan the plan
     * @param change the secret's change
     * @return the instant as text, or empty when none was read (no active secret, or one that does not expire)
     */
    static Optional<String> liveExpiry(Plan plan, ResourceChange change) {
        Map<String, Set<String>> live = plan.basis().map(PlanBasis::resources)
                .map(resources -> resources.get(change.resource().id())).orElse(null);
        if (live == null || !live.containsKey(OAuthSecret.EXPIRE_TIME)) {
            return Optional.empty();
        }
        return live.get(OAuthSecret.EXPIRE_TIME).stream().findFirst();
    }

    /**
     * Tells whether the plan read an active secret for the change.
     *
     * @param plan the plan
     * @param change the secret's change
     * @return {@code true} when the principal had an active secret
     */
    static boolean liveExists(Plan plan, ResourceChange change) {
        return plan.basis().map(basis -> basis.resources().containsKey(change.resource().id())).orElse(false);
    }

    /**
     * Returns the lines about expiry beneath a secret's change.
     *
     * @param plan the plan
     * @param change the change
     * @return the lines, none for a change that is not about an OAuth secret
     */
    static List<String> lines(Plan plan, ResourceChange change) {
        Optional<OAuthSecret> declared = secretOf(change);
        if (declared.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(2);
        Optional<String> expiry = liveExpiry(plan, change);
        if (change.action() == Action.CREATE) {
            reason(plan, change, declared.get(), expiry).ifPresent(lines::add);
            lines.add("new secret expires after " + lifetimeText(declared.get()));
        } else {
            lines.add(expiry.map(at -> "active secret expires " + at).orElse("active secret does not expire"));
        }
        return lines;
    }

    /**
     * Says why a secret that exists is issued anew.
     *
     * @param plan the plan
     * @param change the create
     * @param declared the declared secret
     * @param expiry the live expiry
     * @return the reason, or empty when no active secret was read
     */
    static Optional<String> reason(Plan plan, ResourceChange change, OAuthSecret declared, Optional<String> expiry) {
        if (!liveExists(plan, change)) {
            return Optional.empty();
        }
        String active = expiry.map(at -> "the active secret expires " + at).orElse("the active secret does not expire");
        if (declared.isRotate()) {
            return Optional.of("rotates on every apply (" + active + ")");
        }
        return Optional.of("rotates: " + active + ", within " + declared.rotateWithin().map(SecretExpiry::days)
                .orElse("the rotation window"));
    }

    /**
     * Returns the declared lifetime for people, or the service's default.
     *
     * @param declared the declared secret
     * @return e.g. {@code 90 days}
     */
    static String lifetimeText(OAuthSecret declared) {
        return declared.lifetime().map(SecretExpiry::days)
                .orElse(days(OAuthSecret.MAX_LIFETIME) + " (the service default)");
    }

    private static String days(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? duration.toDays() + " days" : duration.toSeconds() + " s";
    }
}
