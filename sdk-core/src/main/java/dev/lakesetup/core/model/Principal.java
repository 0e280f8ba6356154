package dev.lakesetup.core.model;

/**
 * Who a privilege is granted to: a service principal, a user or a group.
 *
 * <p>Principals compare case-insensitively by the name the grants API uses for them, as the service does. A
 * {@link DeletedPrincipal} is only ever observed: the grants API lists a deleted principal's grant by id.
 */
public sealed interface Principal permits ServicePrincipal, User, Group, DeletedPrincipal {

    /**
     * Names a service principal by its application id.
     *
     * @param applicationId the UUID of the application
     * @return the principal
     */
    static ServicePrincipal servicePrincipal(ApplicationId applicationId) {
        return ServicePrincipal.of(applicationId);
    }

    /**
     * Names a service principal that lakesetup is to create or find by display name; its application id is
     * resolved when the plan is made or applied.
     *
     * @param displayName the display name
     * @return the principal
     */
    static ServicePrincipal servicePrincipalNamed(String displayName) {
        return ServicePrincipal.named(displayName);
    }

    /**
     * Names a user by e-mail.
     *
     * @param email the user's e-mail address
     * @return the principal
     */
    static User user(String email) {
        return User.of(email);
    }

    /**
     * Names a group.
     *
     * @param name the group's name, e.g. {@code account users}
     * @return the principal
     */
    static Group group(String name) {
        return Group.of(name);
    }

    /**
     * Returns the name the grants API and SQL use for this principal: the application id, the e-mail or the
     * group name. For a service principal known only by display name, the display name.
     *
     * @return the principal's name in grants
     */
    String grantName();
}
