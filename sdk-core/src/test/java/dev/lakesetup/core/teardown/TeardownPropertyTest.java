package dev.lakesetup.core.teardown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A property over random workspaces (seeded, so a failure names its seed and repeats): whatever grants other
 * principals and the principal itself held before a setup, and whatever was granted after it, a teardown with the
 * setup's record revokes exactly the privileges the setup granted new and leaves every other grant as it was.
 */
class TeardownPropertyTest {
    private static final ApplicationId SETUP = ApplicationId.of("0b9a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
    private static final List<Principal> PRINCIPALS = List.of(Principal.servicePrincipal(SETUP),
            Principal.group("analysts"), Principal.group("admins"), Principal.user("ana@example.com"),
            Principal.servicePrincipal(ApplicationId.of("5d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f3a")));
    private static final List<Securable> SECURABLES = List.of(Securable.catalog("sales"),
            Securable.catalog("profiles"), Securable.schema("sales", "raw"), Securable.schema("profiles", "eu"),
            Securable.externalLocation("landing"));

    static Stream<Long> seeds() {
        return IntStream.range(0, 150).mapToObj(i -> 7919L * i + 17);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void teardown_withRecord_revokesExactlyTheGrantedNewPrivileges(long seed) {
        Random random = new Random(seed);
        FakeTime time = new FakeTime();
        InMemoryWorkspace workspace = new InMemoryWorkspace(time);
        Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();
        randomGrants(random, workspace, PRINCIPALS, 0.4);
        Map<String, Set<Privilege>> before = snapshot(workspace);
        Blueprint blueprint = randomBlueprint(random);

        Plan setup = lakesetup.plan(blueprint);
        ApplyReport applied = lakesetup.apply(setup);
        RunRecord record = RunRecord.parse(RunRecord.of(setup, applied).toJson());
        Map<String, Set<Privilege>> afterSetup = snapshot(workspace);
        randomGrants(random, workspace, PRINCIPALS, 0.15);   // grants made by others after the setup
        Map<String, Set<Privilege>> expected = new HashMap<>(snapshot(workspace));
        Map<String, Set<Privilege>> grantedNew = difference(afterSetup, before);
        grantedNew.forEach((key, privileges) -> expected.compute(key, (k, held) -> {
            Set<Privilege> left = without(held, privileges);
            return left.isEmpty() ? null : left;
        }));

        Plan teardown = lakesetup.teardown(blueprint, TeardownOptions.defaults().record(record));
        ApplyReport report = lakesetup.apply(teardown, ApplyOptions.defaults().withRevokesAllowed()
                .withDeletesAllowed());

        assertThat(applied.isSuccess()).isTrue();
        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(revoked(teardown)).as("seed %d", seed).isEqualTo(grantedNew);
        assertThat(snapshot(workspace)).as("seed %d", seed).isEqualTo(expected);
    }

    private static Blueprint randomBlueprint(Random random) {
        Blueprint.Builder builder = Blueprint.builder();
        for (Securable securable : SECURABLES) {
            List<Privilege> wanted = pick(random, securable.type(), 0.35);
            if (!wanted.isEmpty()) {
                builder.grant(Grant.on(securable).to(PRINCIPALS.get(0)).privileges(wanted));
            }
        }
        return builder.build();
    }

    private static void randomGrants(Random random, InMemoryWorkspace workspace, List<Principal> principals,
            double chance) {
        for (Securable securable : SECURABLES) {
            for (Principal principal : principals) {
                List<Privilege> privileges = pick(random, securable.type(), chance);
                if (!privileges.isEmpty()) {
                    workspace.seedGrant(securable, principal, Set.copyOf(privileges));
                }
            }
        }
    }

    private static List<Privilege> pick(Random random, SecurableType type, double chance) {
        List<Privilege> picked = new ArrayList<>();
        for (Privilege privilege : Privilege.applicableTo(type)) {
            if (privilege != Privilege.ALL_PRIVILEGES && privilege != Privilege.MANAGE
                    && random.nextDouble() < chance) {
                picked.add(privilege);
            }
        }
        return picked;
    }

    private static Map<String, Set<Privilege>> snapshot(InMemoryWorkspace workspace) {
        Map<String, Set<Privilege>> all = new HashMap<>();
        for (Securable securable : SECURABLES) {
            for (Principal principal : PRINCIPALS) {
                Set<Privilege> held = workspace.privileges(securable, principal);
                if (!held.isEmpty()) {
                    all.put(key(securable, principal), Set.copyOf(held));
                }
            }
        }
        return all;
    }

    private static Map<String, Set<Privilege>> revoked(Plan plan) {
        Map<String, Set<Privilege>> all = new HashMap<>();
        for (Change change : plan.changes()) {
            assertThat(change.action()).isIn(Action.REVOKE, Action.DELETE);
            if (change instanceof GrantChange grants) {
                for (PrincipalPrivileges entry : grants.privileges()) {
                    all.put(key(grants.securable(), entry.principal()), Set.copyOf(entry.privileges()));
                }
            }
        }
        return all;
    }

    private static Map<String, Set<Privilege>> difference(Map<String, Set<Privilege>> after,
            Map<String, Set<Privilege>> before) {
        Map<String, Set<Privilege>> added = new HashMap<>();
        after.forEach((key, privileges) -> {
            Set<Privilege> extra = without(privileges, before.getOrDefault(key, Set.of()));
            if (!extra.isEmpty()) {
                added.put(key, extra);
            }
        });
        return added;
    }

    private static Set<Privilege> without(Set<Privilege> all, Set<Privilege> taken) {
        Set<Privilege> left = new HashSet<>(all == null ? Set.of() : all);
        left.removeAll(taken);
        return Set.copyOf(left);
    }

    private static String key(Securable securable, Principal principal) {
        return GrantChange.nameOf(securable) + " / " + principal.grantName().toLowerCase(Locale.ROOT);
    }
}
