package dev.lakesetup.cli;

import dev.lakesetup.core.apply.ApplyRefusedException;
import dev.lakesetup.core.apply.StalePlanException;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceText;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into exit status 1 and one clear message on standard error: lakesetup's own exceptions by
 * their message (which names the field, the value and what is accepted), anything else by its type and message. The
 * stack trace is printed only under {@code --debug}.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private static final String DEBUG = "--debug";
    private final Console console;

    Failures(Console console) {
        this.console = console;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        console.err().println("Error: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, line.getErr())) {
            console.err().println("See '" + line.getCommandSpec().qualifiedName() + " --help'.");
        }
        line.getErr().flush();
        return ExitStatus.ERROR;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
        console.err().println("Error: " + message(e));
        if (e instanceof ApplyRefusedException refused && !(e instanceof StalePlanException)
                && refused.refused().stream().allMatch(id -> id.toString().startsWith("revoke:"))) {
            console.err().println("On the command line: review the revokes in the plan, then apply with "
                    + "--allow-revokes.");
        }
        if (parsed.originalArgs().contains(DEBUG)) {
            e.printStackTrace(console.err());
        } else if (!(e instanceof LakesetupException || e instanceof UncheckedIOException)) {
            console.err().println("(run again with --debug to see where it happened)");
        }
        return ExitStatus.ERROR;
    }

    /** The message people read: lakesetup's exceptions speak for themselves, others are named. */
    static String message(Throwable e) {
        if (e instanceof LakesetupException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException io) {
            return io.getCause() instanceof NoSuchFileException missing
                    ? "file not found: " + missing.getFile() : io.getMessage();
        }
        String text = e.getMessage() == null ? "" : ": " + ServiceText.escape(e.getMessage());
        return e.getClass().getSimpleName() + text;
    }
}
