package dev.lakesetup.core.plan;

/** What a change does to its object, as a plan shows it. */
public enum Action {
    /** Create an object that does not exist. Shown as {@code +}. */
    CREATE("+"),
    /** Change mutable settings of an existing object in place, or add members. Shown as {@code ~}. */
    UPDATE("~"),
    /** Grant missing privileges on a securable. Shown as {@code +}. */
    GRANT("+"),
    /** Revoke privileges the blueprint does not declare on an exclusive securable. Shown as {@code -}. */
    REVOKE("-"),
    /**
     * Delete an object a teardown removes (a secret, a federation policy, a warehouse permission, a principal the
     * caller named). Only teardown plans carry it, and apply refuses it unless deletions are allowed. Shown as
     * {@code -}.
     */
    DELETE("-"),
    /** Nothing to do: the live object already matches. Shown as {@code =}. */
    NO_OP("="),
    /** An immutable setting differs; lakesetup never drops or recreates, so apply refuses it. Shown as {@code !}. */
    CONFLICT("!");

    private final String symbol;

    Action(String symbol) {
        this.symbol = symbol;
    }

    /**
     * Returns the one-character symbol the text renderer shows.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Tells whether applying this action calls a service.
     *
     * @return {@code false} for {@link #NO_OP} and {@link #CONFLICT}
     */
    public boolean isActionable() {
        return switch (this) {
            case CREATE, UPDATE, GRANT, REVOKE, DELETE -> true;
            case NO_OP, CONFLICT -> false;
        };
    }
}
