package dev.lakesetup.core.plan;

import java.util.List;
import java.util.Set;

/**
 * One step of a {@link Plan}: an action on one object, the details a reviewer needs, and the changes it waits for.
 *
 * <p>Handlers receive changes through {@link dev.lakesetup.core.spi.ResourceHandler#apply} and
 * {@link dev.lakesetup.core.spi.GrantStore#apply}. Java 17 has no pattern switch, so code that must handle every
 * kind uses {@link #accept(Visitor)}: a new kind of change then becomes a compile error wherever it must be
 * handled.
 * <pre>{@code
 * String what = change.accept(new Change.Visitor<>() {
 *     public String resource(ResourceChange c) { return "create or update " + c.resource().id(); }
 *     public String grants(GrantChange c) { return c.action() + " on " + c.securable().fullName(); }
 * });
 * }</pre>
 */
public sealed interface Change permits ResourceChange, GrantChange {

    /**
     * Returns the change's stable id.
     *
     * @return the id
     */
    ChangeId id();

    /**
     * Returns what the change does.
     *
     * @return the action
     */
    Action action();

    /**
     * Returns the kind of object changed, e.g. {@code catalog}, {@code grants}, {@code service_principal}.
     *
     * @return the kind
     */
    String kind();

    /**
     * Returns the object as people name it, e.g. {@code catalog sales} or {@code grants on schema sales.eu}.
     *
     * @return the object's description
     */
    String object();

    /**
     * Returns one line per detail a reviewer needs (setting before and after, privileges per principal); secret
     * values are masked.
     *
     * @return the details, possibly empty
     */
    List<String> details();

    /**
     * Returns the ids of the changes that must succeed before this one runs.
     *
     * @return the dependencies, possibly empty
     */
    Set<ChangeId> dependsOn();

    /**
     * Calls the visitor method for this change's kind.
     *
     * @param visitor the visitor
     * @param <R> what the visitor returns
     * @return the visitor's result
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * Handles each kind of change; implement every method.
     *
     * @param <R> the result type
     */
    interface Visitor<R> {
        /**
         * Handles a change to a resource.
         *
         * @param change the change
         * @return the result
         */
        R resource(ResourceChange change);

        /**
         * Handles a change to the grants on one securable.
         *
         * @param change the change
         * @return the result
         */
        R grants(GrantChange change);
    }
}
