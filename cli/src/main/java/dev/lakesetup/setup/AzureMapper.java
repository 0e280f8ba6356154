package dev.lakesetup.setup;

import dev.lakesetup.azure.AdlsContainer;
import dev.lakesetup.azure.AzureRole;
import dev.lakesetup.azure.EntraServicePrincipal;
import dev.lakesetup.azure.RoleAssignment;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;

/** Maps a blueprint's {@code azure:} section: Entra service principals, ADLS containers, role assignments. */
final class AzureMapper {
    private AzureMapper() {
    }

    static void declare(Field azure, Blueprint.Builder blueprint) {
        azure.items("entraServicePrincipals").forEach(sp -> blueprint.resource(entraPrincipal(sp)));
        azure.items("adlsContainers").forEach(container -> blueprint.resource(container(container)));
        azure.items("roleAssignments").forEach(assignment -> blueprint.resource(roleAssignment(assignment)));
    }

    static EntraServicePrincipal entraPrincipal(Field field) {
        return field.convert(() -> EntraServicePrincipal.of(ApplicationId.of(field.text("applicationId")),
                field.text("displayName")), "an application id and a display name");
    }

    static AdlsContainer container(Field field) {
        return field.convert(() -> new AdlsContainer(field.text("storageAccount"), field.text("resourceGroup"),
                field.text("container")), "a storage account, its resource group and a container name");
    }

    static AzureRole role(Field field) {
        return field.map(AzureRole::builtIn, "a built-in role name such as Storage Blob Data Contributor");
    }

    private static RoleAssignment roleAssignment(Field field) {
        RoleAssignment assignment = RoleAssignment.on(container(field.get("container")),
                entraPrincipal(field.get("principal")));
        if (field.has("role")) {
            assignment = assignment.withRole(role(field.get("role")));
        }
        return "account".equals(field.optionalText("scope").orElse("container")) ? assignment.onAccount()
                : assignment;
    }
}
