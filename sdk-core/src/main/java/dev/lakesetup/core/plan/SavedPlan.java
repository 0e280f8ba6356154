package dev.lakesetup.core.plan;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plan read back from what {@link Plan#write(Path)} saved: its changes, the principals resolved and the live state
 * it was planned against. Apply it with {@code lakesetup.apply(savedPlan, blueprint)}, which first reads again what
 * the plan touches and refuses when that moved since planning.
 *
 * <p>The file holds no secret and no callback, so the resources to create or update come from the blueprint at
 * apply: the same blueprint the plan was made from (a storage credential's client secret, an OAuth secret's sink).
 * {@link #toPlan(Blueprint)} checks that each resource the plan changes is declared there with the settings that
 * were saved, and that each securable it revokes on is declared exclusive there.
 * <pre>{@code
 * lakesetup.plan(blueprint).write(Path.of("plan.json"));         // review, approve ...
 * ApplyReport report = lakesetup.apply(SavedPlan.read(Path.of("plan.json")), blueprint);
 * }</pre>
 */
public final class SavedPlan {
    /** Each entry a {@link GrantChange} or a {@link SavedPlanFormat.SavedResourceChange}, in plan order. */
    private final List<Object> changes;
    private final Map<ServicePrincipal, ApplicationId> resolved;
    private final PlanBasis basis;

    SavedPlan(List<Object> changes, Map<ServicePrincipal, ApplicationId> resolved, PlanBasis basis) {
        this.changes = List.copyOf(changes);
        this.resolved = Map.copyOf(resolved);
        this.basis = basis;
    }

    /**
     * Reads a plan saved by {@link Plan#write(Path)}.
     *
     * @param file the file
     * @return the saved plan
     * @throws InvalidInputException naming the field when the file is not a saved plan of a version this release
     *     reads
     * @throws LakesetupException when the file cannot be read
     */
    public static SavedPlan read(Path file) {
        InvalidInputException.requireNonNull(file, "file");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LakesetupException("reading the saved plan " + file + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a plan saved by {@link Plan#savedJson()}.
     *
     * @param json the saved plan's text
     * @return the saved plan
     * @throws InvalidInputException naming the field when the text is not a saved plan of a version this release
     *     reads
     */
    public static SavedPlan parse(String json) {
        return SavedPlanFormat.read(json);
    }

    /**
     * Returns the live state the plan was made against.
     *
     * @return the state
     */
    public PlanBasis basis() {
        return basis;
    }

    /**
     * Returns the ids of the saved changes, in plan order.
     *
     * @return the ids
     */
    public List<ChangeId> changeIds() {
        List<ChangeId> ids = new ArrayList<>(changes.size());
        for (Object change : changes) {
            ids.add(change instanceof GrantChange grants ? grants.id()
                    : ((SavedPlanFormat.SavedResourceChange) change).id());
        }
        return ids;
    }

    /**
     * Makes the plan again from what was saved, taking each resource it changes from the blueprint (which holds
     * the secrets and sinks the file does not).
     *
     * @param blueprint the blueprint the plan was made from
     * @return the plan, carrying the saved live state
     * @throws InvalidInputException naming every resource the blueprint does not declare, or declares with settings
     *     other than those saved, and every revoke on a securable the blueprint does not declare exclusive
     */
    public Plan toPlan(Blueprint blueprint) {
        InvalidInputException.requireNonNull(blueprint, "blueprint");
        List<Change> out = new ArrayList<>(changes.size());
        List<String> problems = new ArrayList<>();
        for (Object change : changes) {
            if (change instanceof GrantChange grants) {
                if (grants.action() == Action.REVOKE
                        && !blueprint.exclusiveSecurables().contains(grants.securable())) {
                    // the blueprint is what the caller asks for now: never revoke on what it leaves additive
                    problems.add(grants.id() + " revokes on " + GrantChange.nameOf(grants.securable())
                            + ", which the blueprint does not declare exclusive");
                }
                out.add(grants);
                continue;
            }
            SavedPlanFormat.SavedResourceChange saved = (SavedPlanFormat.SavedResourceChange) change;
            Resource resource = blueprint.resource(saved.resource()).orElse(null);
            if (resource == null) {
                problems.add(saved.resource() + " is not declared");
            } else if (!sameDeclaration(saved.declared(), resource.settings())) {
                problems.add(saved.resource() + " is declared with " + shown(resource.settings())
                        + " but the plan was made with " + saved.declared());
            } else {
                out.add(new ResourceChange(saved.id(), saved.action(), resource, settingChanges(saved, resource),
                        saved.dependsOn()));
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of("blueprint", blueprint.toString(), "the saved plan was made from another "
                    + "blueprint: " + String.join("; ", problems), "the blueprint the plan was made from");
        }
        return Plan.of(out, resolved, basis);
    }

    private static boolean sameDeclaration(List<SavedValues.SavedSetting> saved, List<Setting> declared) {
        if (saved.size() != declared.size()) {
            return false;
        }
        for (SavedValues.SavedSetting setting : saved) {
            if (declared.stream().noneMatch(setting::matches)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> shown(List<Setting> settings) {
        return settings.stream().map(Setting::toString).toList();
    }

    private static List<SettingChange> settingChanges(SavedPlanFormat.SavedResourceChange saved, Resource resource) {
        List<SettingChange> settings = new ArrayList<>(saved.settings().size());
        for (SavedPlanFormat.SavedSettingChange setting : saved.settings()) {
            Setting declared = resource.settings().stream().filter(s -> s.name().equals(setting.name()))
                    .findFirst().orElseThrow(() -> InvalidInputException.of("setting of " + saved.resource(),
                            setting.name(), "the resource declares no such setting", shown(resource.settings())
                                    .toString()));
            settings.add(new SettingChange(declared, setting.before(), setting.missing()));
        }
        return settings;
    }

    @Override
    public String toString() {
        return "SavedPlan[" + changes.size() + " changes]";
    }
}
