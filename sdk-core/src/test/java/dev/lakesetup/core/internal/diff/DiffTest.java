package dev.lakesetup.core.internal.diff;

import static dev.lakesetup.core.model.Privilege.CREATE_SCHEMA;
import static dev.lakesetup.core.model.Privilege.MODIFY;
import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.internal.read.LiveState;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the pure diff, over blueprints and live states drawn at random from fixed seeds. */
class DiffTest {
    private static final List<Privilege> ON_CATALOG = List.of(USE_CATALOG, CREATE_SCHEMA, SELECT);
    private static final List<Privilege> ON_SCHEMA = List.of(USE_SCHEMA, SELECT, MODIFY);

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long seed = 1; seed <= 300; seed++) {
            seeds.add(seed);
        }
        return seeds;
    }

    /** Draws a blueprint: catalogs and schemas with comments, grants to groups, some securables exclusive. */
    private static Blueprint blueprint(Random random) {
        Blueprint.Builder builder = Blueprint.builder();
        List<Securable> securables = new ArrayList<>();
        for (int c = 0; c < 1 + random.nextInt(3); c++) {
            String catalog = "c" + c;
            securables.add(Securable.catalog(catalog));
            if (random.nextBoolean()) {
                builder.resource(comment(Catalog.named(catalog), random));
            }
            for (int s = 0; s < random.nextInt(3); s++) {
                securables.add(Securable.schema(catalog, "s" + s));
                if (random.nextBoolean()) {
                    builder.resource(comment(Schema.named(catalog, "s" + s), random));
                }
            }
        }
        for (int g = 0; g < random.nextInt(8); g++) {
            Securable securable = securables.get(random.nextInt(securables.size()));
            builder.grant(Grant.on(securable).to(group(random)).privileges(some(securable, random)));
        }
        securables.stream().filter(s -> random.nextInt(4) == 0).forEach(builder::exclusive);
        return builder.build();
    }

    private static Catalog comment(Catalog catalog, Random random) {
        return random.nextBoolean() ? catalog.comment("note " + random.nextInt(3)) : catalog;
    }

    private static Schema comment(Schema schema, Random random) {
        return random.nextBoolean() ? schema.comment("note " + random.nextInt(3)) : schema;
    }

    private static Principal group(Random random) {
        String name = "g" + random.nextInt(3);
        return Principal.group(random.nextBoolean() ? name : name.toUpperCase(Locale.ROOT));
    }

    private static Set<Privilege> some(Securable securable, Random random) {
        List<Privilege> all = securable.type() == SecurableType.CATALOG ? ON_CATALOG : ON_SCHEMA;
        Set<Privilege> chosen = new TreeSet<>();
        chosen.add(all.get(random.nextInt(all.size())));
        all.stream().filter(p -> random.nextInt(3) == 0).forEach(chosen::add);
        return chosen;
    }

    /** Draws a live state around the blueprint: some objects missing or different, grants held and extra. */
    private static LiveState live(Blueprint blueprint, Random random) {
        Map<ResourceId, Resource> resources = new HashMap<>();
        for (Resource resource : blueprint.resources()) {
            int draw = random.nextInt(3);
            if (draw == 1) {
                resources.put(resource.id(), resource);
            } else if (draw == 2) {
                resources.put(resource.id(), resource instanceof Catalog c ? c.comment("by hand")
                        : ((Schema) resource).comment("by hand"));
            }
        }
        Map<Securable, List<PrincipalPrivileges>> grants = new HashMap<>();
        for (Securable securable : Diff.securablesToRead(blueprint)) {
            for (int i = 0; i < random.nextInt(3); i++) {
                grants.computeIfAbsent(securable, k -> new ArrayList<>())
                        .add(PrincipalPrivileges.of(group(random), some(securable, random)));
            }
        }
        return new LiveState(resources, grants, Map.of());
    }

    /** Returns the live state that is exactly the blueprint. */
    private static LiveState equalTo(Blueprint blueprint) {
        Map<ResourceId, Resource> resources = new HashMap<>();
        blueprint.resources().forEach(resource -> resources.put(resource.id(), resource));
        Map<Securable, List<PrincipalPrivileges>> grants = new HashMap<>();
        for (Grant grant : blueprint.grants()) {
            grants.computeIfAbsent(grant.securable(), k -> new ArrayList<>())
                    .add(PrincipalPrivileges.of(grant.principal(), grant.privileges()));
        }
        return new LiveState(resources, grants, Map.of());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void of_whenLiveStateEqualsTheBlueprint_isAllNoOp(long seed) {
        Blueprint blueprint = blueprint(new Random(seed));

        assertThat(Diff.of(blueprint, equalTo(blueprint))).extracting(Change::action).allMatch(action -> action == Action.NO_OP);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void of_afterApplyingItsChangesToTheLiveState_isEmpty(long seed) {
        Random random = new Random(seed);
        Blueprint blueprint = blueprint(random);
        LiveState live = live(blueprint, random);

        LiveState after = applied(Diff.of(blueprint, live), live);

        assertThat(Diff.of(blueprint, after)).extracting(Change::action).allMatch(action -> action == Action.NO_OP);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void of_neverRevokesUnlessTheSecurableIsExclusive(long seed) {
        Random random = new Random(seed);
        Blueprint blueprint = blueprint(random);

        for (Change change : Diff.of(blueprint, live(blueprint, random))) {
            if (change.action() == Action.REVOKE) {
                assertThat(blueprint.exclusiveSecurables()).contains(((GrantChange) change).securable());
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void of_ordersEveryChangeAfterItsDependenciesTheSameEachTime(long seed) {
        Random random = new Random(seed);
        Blueprint blueprint = blueprint(random);
        LiveState live = live(blueprint, random);

        List<Change> changes = Diff.of(blueprint, live);

        Set<ChangeId> placed = new HashSet<>();
        for (Change change : changes) {
            assertThat(placed).containsAll(change.dependsOn());
            placed.add(change.id());
        }
        assertThat(Diff.of(blueprint, live)).isEqualTo(changes);
        assertThat(Ordering.topological(changes)).isEqualTo(changes);
    }

    /** Applies changes to a copy of a live state as a service would: creates and updates, grants and revokes. */
    private static LiveState applied(List<Change> changes, LiveState live) {
        Map<ResourceId, Resource> resources = new HashMap<>(live.resources());
        Map<Securable, Map<String, PrincipalPrivileges>> grants = new LinkedHashMap<>();
        live.grants().forEach((securable, entries) -> entries.forEach(entry -> merge(grants, securable, entry)));
        for (Change change : changes) {
            if (change instanceof ResourceChange resource && change.action().isActionable()) {
                resources.put(resource.resource().id(), resource.resource());
            } else if (change instanceof GrantChange grant && change.action() == Action.GRANT) {
                grant.privileges().forEach(entry -> merge(grants, grant.securable(), entry));
            } else if (change instanceof GrantChange grant && change.action() == Action.REVOKE) {
                grant.privileges().forEach(entry -> revoke(grants, grant.securable(), entry));
            }
        }
        Map<Securable, List<PrincipalPrivileges>> after = new HashMap<>();
        grants.forEach((securable, byPrincipal) -> after.put(securable, List.copyOf(byPrincipal.values())));
        return new LiveState(resources, after, Map.of());
    }

    private static void merge(Map<Securable, Map<String, PrincipalPrivileges>> grants, Securable securable,
            PrincipalPrivileges entry) {
        grants.computeIfAbsent(securable, k -> new LinkedHashMap<>()).merge(key(entry.principal()), entry,
                (old, added) -> {
                    Set<Privilege> all = new TreeSet<>(old.privileges());
                    all.addAll(added.privileges());
                    return PrincipalPrivileges.of(old.principal(), all);
                });
    }

    private static void revoke(Map<Securable, Map<String, PrincipalPrivileges>> grants, Securable securable,
            PrincipalPrivileges entry) {
        Map<String, PrincipalPrivileges> held = grants.getOrDefault(securable, Map.of());
        PrincipalPrivileges current = held.get(key(entry.principal()));
        if (current != null) {
            Set<Privilege> left = new TreeSet<>(current.privileges());
            left.removeAll(entry.privileges());
            held.put(key(entry.principal()), PrincipalPrivileges.of(current.principal(), left));
        }
    }

    private static String key(Principal principal) {
        return principal.grantName().toLowerCase(Locale.ROOT);
    }

    /** A kind the engine has never seen that is issued anew on every apply, like a rotated secret. */
    private record Token(String name) implements Resource {
        @Override
        public ResourceId id() {
            return ResourceId.of("token", name);
        }

        @Override
        public List<dev.lakesetup.core.model.Setting> settings() {
            return List.of(dev.lakesetup.core.model.Setting.mutable("comment", "same"));
        }

        @Override
        public boolean alwaysCreate() {
            return true;
        }
    }

    @Test
    void diff_whenAKindIsCreatedOnEveryApplyAndExists_createsItAgain() {
        Token token = new Token("deploy");

        ResourceChange change = ResourceDiff.diff(token, token, Set.of());

        assertThat(change.action()).isEqualTo(Action.CREATE);
        assertThat(change.settings()).isEmpty();
    }
}
