package dev.lakesetup.core.internal.verify;

import dev.lakesetup.core.drift.DriftItem;
import dev.lakesetup.core.drift.DriftStatus;
import dev.lakesetup.core.internal.read.LiveState;
import dev.lakesetup.core.internal.read.ReadDenials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.Setting;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalLookup;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.plan.SettingChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the changes a diff found into drift items: a create is {@code MISSING}, an update or conflict one
 * {@code CHANGED} item per differing setting (before and after), a grant one {@code MISSING} item per principal, a
 * revoke one {@code UNDECLARED} item per principal, a no-op {@code OK} (or {@code EXPIRING} for a secret that expires
 * within the window). An object whose read was denied, or that names a principal whose look-up was denied, is
 * {@code SKIPPED} with the reason and the permission it needs. Pure: reads nothing.
 */
public final class DriftItems {
    private final LiveState live;
    private final ReadDenials denials;
    private final Instant now;
    private final Duration window;

    /**
     * Prepares the mapping.
     *
     * @param live what was read
     * @param denials the reads the identity could not make
     * @param now when the live state was read, on the engine's clock
     * @param window how far ahead an expiring secret is drift
     */
    public DriftItems(LiveState live, ReadDenials denials, Instant now, Duration window) {
        this.live = live;
        this.denials = denials;
        this.now = now;
        this.window = window;
    }

    /**
     * Maps every change, then the principals that were not found or could not be looked up, then the exclusive
     * securables whose grants could not be read and that no change covers.
     *
     * @param changes the diff's changes, no-ops included, in plan order
     * @param lookups the principals looked up that were not found
     * @param lookedUp the principals a look-up was asked for
     * @param exclusive the securables the blueprint declares exclusive
     * @return the items
     */
    public List<DriftItem> of(List<Change> changes, List<PrincipalLookup> lookups, List<Principal> lookedUp,
            Set<Securable> exclusive) {
        List<DriftItem> items = new ArrayList<>();
        Set<Securable> covered = new HashSet<>();
        for (Change change : changes) {
            items.addAll(change.accept(new Change.Visitor<List<DriftItem>>() {
                @Override
                public List<DriftItem> resource(ResourceChange c) {
                    return resourceItems(c);
                }

                @Override
                public List<DriftItem> grants(GrantChange c) {
                    covered.add(c.securable());
                    return grantItems(c);
                }
            }));
        }
        for (PrincipalLookup lookup : lookups) {
            items.add(DriftItem.missing("principal", "principal " + lookup.principal().grantName(), null,
                    "not found in the workspace (" + lookup.lookedUp() + ")"));
        }
        for (Principal principal : lookedUp) {
            denials.reasonFor(principal).ifPresent(message -> items.add(DriftItem.skipped("principal",
                    "principal " + principal.grantName(), NeededPermissions.reason("principal", message))));
        }
        for (Securable securable : exclusive) {
            if (!covered.contains(securable)) {
                denials.reasonFor(securable).ifPresent(message -> items.add(DriftItem.skipped("grants",
                        "grants on " + GrantChange.nameOf(securable), NeededPermissions.reason("grants", message))));
            }
        }
        return items;
    }

    private List<DriftItem> resourceItems(ResourceChange change) {
        Resource resource = change.resource();
        String kind = change.kind();
        Optional<String> skipped = denials.reasonFor(resource.id()).map(m -> NeededPermissions.reason(kind, m))
                .or(() -> deniedPrincipal(principalsOf(resource)));
        if (skipped.isPresent()) {
            return List.of(DriftItem.skipped(kind, change.object(), skipped.get()));
        }
        Resource found = live.resources().get(resource.id());
        return switch (change.action()) {
            case CREATE -> List.of(found != null ? okOrExpiring(change, found) : DriftItem.missing(kind,
                    change.object(), declared(change), absence(kind)));
            case UPDATE, CONFLICT -> changedSettings(change);
            case NO_OP -> List.of(okOrExpiring(change, found));
            case GRANT, REVOKE, DELETE -> throw new IllegalStateException("a diff plans no " + change.action()
                    + " of a resource");
        };
    }

    private List<DriftItem> changedSettings(ResourceChange change) {
        List<DriftItem> items = new ArrayList<>();
        for (SettingChange setting : change.settings()) {
            String reason = setting.declared() instanceof Setting.Members ? "missing " + String.join(", ",
                    setting.missing()) : change.action() == dev.lakesetup.core.plan.Action.CONFLICT
                    ? "cannot change in place: apply refuses it (a conflict)" : null;
            items.add(DriftItem.of(change.kind(), change.object() + ": " + setting.name(), DriftStatus.CHANGED,
                    setting.beforeText(), setting.after(), reason));
        }
        return items;
    }

    private DriftItem okOrExpiring(ResourceChange change, Resource found) {
        if (!(found instanceof OAuthSecret secret) || secret.expireTime().isEmpty()) {
            return DriftItem.ok(change.kind(), change.object());
        }
        Instant expires = secret.expireTime().get();
        if (expires.isAfter(now.plus(window))) {
            return DriftItem.of(change.kind(), change.object(), DriftStatus.OK, null, null, "expires " + expires);
        }
        String when = expires.isAfter(now) ? "expires in " + days(Duration.between(now, expires))
                + ", within the window of " + days(window) : "expired " + days(Duration.between(expires, now))
                + " ago";
        return DriftItem.of(change.kind(), change.object(), DriftStatus.EXPIRING, expires.toString(), null,
                when + "; issue a new secret (rotate) before it lapses");
    }

    private static String days(Duration duration) {
        long days = duration.toDays();
        return days >= 1 ? days + (days == 1 ? " day" : " days") : duration.toHours() + " h";
    }

    private List<DriftItem> grantItems(GrantChange change) {
        String kind = change.kind();
        Optional<String> denied = denials.reasonFor(change.securable());
        if (denied.isPresent()) {
            return List.of(DriftItem.skipped(kind, change.object(), NeededPermissions.reason(kind, denied.get())));
        }
        return switch (change.action()) {
            case NO_OP -> List.of(DriftItem.ok(kind, change.object()));
            case GRANT -> perPrincipal(change, DriftStatus.MISSING);
            case REVOKE, CONFLICT -> perPrincipal(change, DriftStatus.UNDECLARED);
            case CREATE, UPDATE, DELETE -> throw new IllegalStateException("a diff plans no " + change.action()
                    + " of grants");
        };
    }

    private List<DriftItem> perPrincipal(GrantChange change, DriftStatus status) {
        List<DriftItem> items = new ArrayList<>();
        for (PrincipalPrivileges entry : change.privileges()) {
            String what = change.object() + " to " + entry.principal().grantName();
            Optional<String> skipped = deniedPrincipal(Set.of(entry.principal()));
            String privileges = entry.privileges().stream().map(Privilege::sqlName)
                    .collect(Collectors.joining(", "));
            if (skipped.isPresent()) {
                items.add(DriftItem.skipped(change.kind(), what, skipped.get()));
            } else if (status == DriftStatus.MISSING) {
                items.add(DriftItem.missing(change.kind(), what, privileges, "declared but not held"));
            } else {
                items.add(DriftItem.of(change.kind(), what, status, privileges, null,
                        "held but not declared on a securable the blueprint declares exclusive"));
            }
        }
        return items;
    }

    private Optional<String> deniedPrincipal(Set<? extends Principal> principals) {
        for (Principal principal : principals) {
            Optional<String> message = denials.reasonFor(principal);
            if (message.isPresent()) {
                return Optional.of("its principal " + principal.grantName() + " could not be looked up: "
                        + NeededPermissions.reason("principal", message.get()));
            }
        }
        return Optional.empty();
    }

    private static Set<Principal> principalsOf(Resource resource) {
        Set<Principal> all = new LinkedHashSet<>(resource.principals());
        resource.createsPrincipal().ifPresent(all::add);
        return all;
    }

    private static String declared(ResourceChange change) {
        if (change.settings().isEmpty()) {
            return null;
        }
        return change.settings().stream().map(s -> s.name() + "=" + s.after()).collect(Collectors.joining(", "));
    }

    private static String absence(String kind) {
        return switch (kind) {
            case "service_principal" -> "not in the workspace: deleted, or its workspace assignment is gone";
            case "oauth_secret" -> "the principal has no active OAuth secret";
            case "warehouse_permission" -> "the principal has no permission on the SQL warehouse";
            default -> "does not exist";
        };
    }
}
