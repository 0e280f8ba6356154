package dev.lakesetup.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Turns the named loggers (and the root) to DEBUG and records every event, for tests that scan all log output for
 * secrets; {@link #close()} detaches the recorder and puts the levels back. Shared with the executor modules' secret
 * scans through this module's test jar.
 */
public final class DebugLogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<String, Level> before = new LinkedHashMap<>();

    private DebugLogCapture(List<String> loggers) {
        for (String name : loggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            before.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        appender.start();
        root().addAppender(appender);
    }

    /**
     * Starts recording with the root logger and these loggers at DEBUG.
     *
     * @param loggers logger names, such as {@code com.databricks} or {@code org.apache.http.wire}
     * @return the capture, to close after the test
     */
    public static DebugLogCapture atDebug(List<String> loggers) {
        List<String> all = new java.util.ArrayList<>();
        all.add(org.slf4j.Logger.ROOT_LOGGER_NAME);
        all.addAll(loggers);
        return new DebugLogCapture(all);
    }

    /** Returns the events recorded so far, in order. */
    public List<ILoggingEvent> events() {
        synchronized (appender) { // the appender appends under its own lock; library threads may still log
            return List.copyOf(appender.list);
        }
    }

    /**
     * Returns everything of an event a reader could see: logger, message pattern and formatted message, MDC,
     * arguments and the stack trace with its messages.
     */
    public static String describe(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getMessage())
                .append(' ').append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
        if (event.getArgumentArray() != null) {
            text.append(' ').append(Arrays.deepToString(event.getArgumentArray()));
        }
        if (event.getThrowableProxy() != null) {
            text.append(' ').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return text.toString();
    }

    @Override
    public void close() {
        root().detachAppender(appender);
        before.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
