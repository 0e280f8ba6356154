package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.databricks.internal.validation.CheckFailedException;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one check and records its outcome with its duration: a {@link CheckFailedException} or a classified
 * {@link ServiceException} becomes a failed check carrying the message, never an exception to the caller.
 */
final class TimedCheck {
    private static final Logger LOG = LoggerFactory.getLogger(TimedCheck.class);

    private TimedCheck() {
    }

    /**
     * Runs a check and records how it went.
     *
     * @param name the check's name
     * @param check the check; returns the rows it read, throws when it fails
     * @return the passed or failed check
     */
    static ValidationCheck run(String name, LongSupplier check) {
        long start = System.nanoTime();
        try {
            long rows = check.getAsLong();
            LOG.debug("check passed: {} ({} rows)", name, rows);
            return ValidationCheck.passed(name, since(start), rows);
        } catch (CheckFailedException | ServiceException e) {
            LOG.debug("check failed: {}: {}", name, e.getMessage());
            return ValidationCheck.failed(name, since(start), e.getMessage());
        }
    }

    /**
     * Returns the time since a {@link System#nanoTime()} reading.
     *
     * @param startNanos the reading
     * @return the elapsed time
     */
    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
