package dev.lakesetup.testkit.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code USE CATALOG c}, {@code USE SCHEMA|DATABASE [c.]s} or {@code USE [c.]s}.
 *
 * @param kind {@code CATALOG} or {@code SCHEMA} ({@code USE [c.]s} and {@code USE DATABASE} give {@code SCHEMA})
 * @param name the name parts as written, unquoted
 */
public record Use(String kind, List<String> name) implements Statement {

    /**
     * Creates the statement, copying {@code name}.
     *
     * @param kind {@code CATALOG} or {@code SCHEMA} ({@code USE [c.]s} and {@code USE DATABASE} give {@code SCHEMA})
     * @param name the name parts as written, unquoted
     */
    public Use {
        Objects.requireNonNull(kind, "kind");
        name = List.copyOf(name);
    }
}
