package dev.lakesetup.cli;

import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Group;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.User;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.testkit.FakeWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a sandbox must already hold for a setup file to plan and apply there as it would in a real workspace: the
 * SQL warehouses the file gives permissions on, the users and groups it names, and the catalogs, schemas and
 * tables it grants on without declaring them (a real workspace has those already).
 */
final class SandboxSeed {
    private final Set<String> warehouses = new TreeSet<>();
    private final Set<String> users = new TreeSet<>();
    private final Set<String> groups = new TreeSet<>();
    private final List<Securable> securables = new ArrayList<>();

    /** Lists what the blueprint refers to without declaring. */
    static SandboxSeed of(Blueprint blueprint) {
        SandboxSeed seed = new SandboxSeed();
        for (Resource resource : blueprint.resources()) {
            if (resource instanceof WarehousePermission permission) {
                seed.warehouses.add(permission.warehouseId());
            }
            resource.principals().forEach(seed::principal);
        }
        for (Grant grant : blueprint.grants()) {
            seed.principal(grant.principal());
            boolean declared = Blueprint.resourceIdOf(grant.securable())
                    .flatMap(blueprint::resource).isPresent();
            if (!declared) {
                seed.securables.add(grant.securable());
            }
        }
        return seed;
    }

    private void principal(Principal principal) {
        // service principals are created by the file or looked up; deleted ones cannot be seeded
        if (principal instanceof User user) {
            users.add(user.email());
        } else if (principal instanceof Group group) {
            groups.add(group.name());
        }
    }

    /** The warehouses to start the fake workspace with. */
    Set<String> warehouses() {
        return warehouses;
    }

    /** Seeds the users, groups and undeclared objects into a started fake workspace. */
    void into(FakeWorkspace fake) {
        users.forEach(fake::seedUser);
        groups.forEach(fake::seedGroup);
        securables.forEach(securable -> object(fake, securable));
    }

    private static void object(FakeWorkspace fake, Securable securable) {
        switch (securable.type()) {
            case CATALOG -> fake.seedCatalog(securable.fullName());
            case SCHEMA -> fake.seedSchema(securable.fullName());
            case TABLE -> fake.seedTable(securable.fullName(), List.of("id BIGINT"), List.of());
            case METASTORE, STORAGE_CREDENTIAL, EXTERNAL_LOCATION -> { }
        }
    }
}
