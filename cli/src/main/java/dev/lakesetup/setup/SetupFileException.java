package dev.lakesetup.setup;

import dev.lakesetup.core.exception.LakesetupException;
import java.util.List;

/**
 * A setup file that cannot be read, is not valid against the schema, or cannot be mapped: the message names, for
 * each problem, the file, line, column, field, value (secrets masked) and what is accepted.
 */
public final class SetupFileException extends LakesetupException {
    private static final long serialVersionUID = 1L;

    /** One problem found in a file, at a place. */
    private final transient List<SetupProblem> problems;

    /**
     * Creates the exception for one or more problems of one file.
     *
     * @param problems the problems, at least one
     */
    public SetupFileException(List<SetupProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns every problem, in file order.
     *
     * @return the problems
     */
    public List<SetupProblem> problems() {
        return problems;
    }

    private static String message(List<SetupProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a setup file exception needs a problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems in " + problems.get(0).file() + ":");
        problems.forEach(problem -> text.append(System.lineSeparator()).append("  ").append(problem));
        return text.toString();
    }
}
