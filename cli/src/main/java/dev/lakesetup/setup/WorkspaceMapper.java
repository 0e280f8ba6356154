package dev.lakesetup.setup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** Maps the schema-valid {@code workspaces:} list to workspace setups, each with its blueprint or recipe. */
final class WorkspaceMapper {
    /** One mapper per key under {@code setup:}. */
    private static final Map<String, BiFunction<Field, Context, SetupRecipe>> KINDS = Map.of(
            SetupKind.BLUEPRINT.key(), (field, context) -> new BlueprintRecipe(SetupKind.BLUEPRINT,
                    BlueprintMapper.map(field, context.warehouse())),
            SetupKind.PROFILE.key(), ProfileMapper::map,
            SetupKind.DATA_GRAPH.key(), DataGraphMapper::map,
            SetupKind.AZURE_DELTA_LAKE_DESTINATION.key(), AzureDestinationMapper::map,
            SetupKind.DATABRICKS_DESTINATION.key(), OAuthRecipeMapper::databricksDestination,
            SetupKind.PROFILES_SYNC.key(), OAuthRecipeMapper::profilesSync,
            SetupKind.REVERSE_ETL_SOURCE.key(), OAuthRecipeMapper::reverseEtlSource);

    /** What a workspace's setup may refer to besides its own section. */
    record Context(Optional<String> warehouse, Field profiles) {
    }

    private WorkspaceMapper() {
    }

    static List<WorkspaceSetup> map(Field root) {
        List<WorkspaceSetup> setups = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Field workspace : root.items("workspaces")) {
            String name = workspace.text("name");
            if (!names.add(name)) {
                throw workspace.get("name").fail(name, "the workspace name is used twice in the file",
                        "a name unique in the file");
            }
            Optional<String> warehouse = workspace.optionalText("warehouse");
            Field setup = workspace.get("setup");
            String key = setup.onlyKey();
            BiFunction<Field, Context, SetupRecipe> kind = KINDS.get(key);
            if (kind == null) {
                throw setup.get(key).fail(key, "the recipe " + key + " is not supported by this release",
                        "one of " + KINDS.keySet());
            }
            SetupRecipe recipe = kind.apply(setup.get(key), new Context(warehouse, root.get("profiles")));
            setups.add(new WorkspaceSetup(name, workspace.optionalText("host").orElse(null),
                    warehouse.orElse(null), recipe));
        }
        return List.copyOf(setups);
    }

    /** The warehouse a section names, else the workspace's; fails at the section when neither gives one. */
    static String warehouse(Field section, Context context) {
        return section.optionalText("warehouse").or(context::warehouse).orElseThrow(() -> section.fail(
                "<missing>", "no SQL warehouse is given", "warehouse: ID here or on the workspace"));
    }
}
