package dev.lakesetup.setup;

/**
 * One problem in a setup file, at a place.
 *
 * @param file the file as given to {@link SetupFile#read(java.nio.file.Path)}
 * @param line the line, from 1 (0 when the file could not be read at all)
 * @param column the column, from 1 (0 when unknown)
 * @param field the field's path in the document, such as {@code /workspaces/0/setup/blueprint/catalogs/1/name}
 * @param value the value found, masked when it could be a secret, {@code <missing>} when absent
 * @param problem what is wrong
 * @param accepted what would be accepted
 */
public record SetupProblem(String file, int line, int column, String field, String value, String problem,
        String accepted) {

    /**
     * Checks the components.
     *
     * @param file the file
     * @param line the line
     * @param column the column
     * @param field the field's path
     * @param value the value found
     * @param problem what is wrong
     * @param accepted what would be accepted
     */
    public SetupProblem {
        if (file == null || field == null || value == null || problem == null || accepted == null) {
            throw new IllegalArgumentException("every part of a setup problem is required");
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": field " + field + " = " + value + ": " + problem
                + "; accepted: " + accepted;
    }
}
