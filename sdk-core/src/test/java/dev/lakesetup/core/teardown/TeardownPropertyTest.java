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
import dev.lakesetup.core.testing.CrashingExecutor;
import dev.lakesetup.core.testing.CrashingExecutor.Crash;
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

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void teardown_withoutRecord_revokesOnlyDeclaredPrivilegesOfTheSetupPrincipal(long seed) {
        Random random = new Random(seed);
        FakeTime time = new FakeTime();
        InMemoryWorkspace workspace = new InMemoryWorkspace(time);
        Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();
        randomGrants(random, workspace, PRINCIPALS, 0.4);
        Blueprint blueprint = randomBlueprint(random);
        assertThat(lakesetup.apply(lakesetup.plan(blueprint)).isSuccess()).isTrue();
        randomGrants(random, workspace, PRINCIPALS, 0.15);
        Map<String, Set<Privilege>> before = snapshot(workspace);
        Map<String, Set<Privilege>> declared = declared(blueprint);

        Plan teardown = lakesetup.teardown(blueprint, TeardownOptions.defaults());
        ApplyReport report = lakesetup.apply(teardown, ApplyOptions.defaults().withRevokesAllowed());

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        revoked(teardown).forEach((key, privileges) -> assertThat(privileges).as("seed %d, %s", seed, key)
                .isSubsetOf(declared.getOrDefault(key, Set.of())).isSubsetOf(before.getOrDefault(key, Set.of())));
        Map<String, Set<Privilege>> after = snapshot(workspace);
        before.forEach((key, held) -> {
            if (!declared.containsKey(key)) {
                assertThat(after.get(key)).as("seed %d, another principal's grant %s", seed, key).isEqualTo(held);
            }
        });
        if (!teardown.changes().isEmpty()) {
            assertThat(teardown.notes()).anyMatch(note -> note.contains("cannot tell"));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void teardown_withRecordSavedBeforeACrashAfterSending_removesWhatTheSetupGave(long seed) {
        Random random = new Random(seed);
        FakeTime time = new FakeTime();
        InMemoryWorkspace workspace = new InMemoryWorkspace(time);
        Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();
        randomGrants(random, workspace, PRINCIPALS, 0.4);
        Map<String, Set<Privilege>> before = snapshot(workspace);
        Blueprint blueprint = randomBlueprint(random);
        Plan setup = lakesetup.plan(blueprint);
        RunRecord record = RunRecord.planned(setup, time.instant());   // saved before applying
        int k = setup.changes().isEmpty() ? 0 : random.nextInt(setup.changes().size());
        Lakesetup crashing = Lakesetup.builder()
                .executor(CrashingExecutor.crashingAfter(k, Crash.AFTER_SENDING, workspace).get(0))
                .clock(time).sleeper(time).retryPolicy(Fixtures.exactPolicy()).concurrency(1).build();
        crashing.apply(setup);
        // the next run finds what the crashed one gave and records it as found; the first run's record decides
        Plan again = lakesetup.plan(blueprint);
        record = record.merge(RunRecord.of(again, lakesetup.apply(again), time.instant()));
        Map<String, Set<Privilege>> grantedNew = difference(snapshot(workspace), before);

        Plan teardown = lakesetup.teardown(blueprint, TeardownOptions.defaults().record(record));
        ApplyReport report = lakesetup.apply(teardown, ApplyOptions.defaults().withRevokesAllowed());

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(revoked(teardown)).as("seed %d", seed).isEqualTo(grantedNew);
        assertThat(snapshot(workspace)).as("seed %d", seed).isEqualTo(before);
    }

    private static Map<String, Set<Privilege>> declared(Blueprint blueprint) {
        Map<String, Set<Privilege>> all = new HashMap<>();
        for (Grant grant : blueprint.grants()) {
            all.merge(key(grant.securable(), grant.principal()), Set.copyOf(grant.privileges()), (a, b) -> {
                Set<Privilege> union = new HashSet<>(a);
                union.addAll(b);
                return Set.copyOf(union);
            });
        }
        return all;
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
