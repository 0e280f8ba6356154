package dev.lakesetup.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps {@code profile: {name, values}}: finds the access profile under the file's {@code profiles:}, checks that
 * the values fill exactly its {@code {{name}}} placeholders, and builds its blueprint with {@link AccessProfile}.
 */
final class ProfileMapper {
    private ProfileMapper() {
    }

    static SetupRecipe map(Field use, WorkspaceMapper.Context context) {
        String name = use.text("name");
        Field profiles = context.profiles();
        if (!profiles.has(name)) {
            List<String> known = new ArrayList<>();
            profiles.node().fieldNames().forEachRemaining(known::add);
            throw use.get("name").fail(name, "no access profile of that name is declared in the file",
                    "one of the names under profiles: " + known);
        }
        Map<String, String> values = new LinkedHashMap<>();
        use.optional("values").ifPresent(given -> given.node().fields()
                .forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText())));
        Field profile = profiles.get(name);
        Set<String> used = Placeholders.names(profile.node());
        for (String key : values.keySet()) {
            if (!used.contains(key)) {
                throw use.get("values").get(key).fail(values.get(key), "the profile " + name
                        + " has no placeholder {{" + key + "}}", "values for its placeholders " + used);
            }
        }
        return new BlueprintRecipe(SetupKind.PROFILE,
                AccessProfile.blueprint(profile.withValues(values), context));
    }
}
