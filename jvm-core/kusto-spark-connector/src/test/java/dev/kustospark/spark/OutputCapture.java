package dev.kustospark.spark;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Everything this JVM logs and prints while it is open: every logger at DEBUG, each event with its
 * logger, context data and the whole chain of its exception, and standard output and error. The
 * appenders of the logging configuration are detached meanwhile (a DEBUG Spark would flood them).
 */
final class OutputCapture implements AutoCloseable {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Map<String, Level> levels = new ConcurrentHashMap<>();
    private final Map<String, List<String>> detachedAppenders = new ConcurrentHashMap<>();
    private final AbstractAppender appender;

    OutputCapture() {
        appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringWriter line = new StringWriter();
                line.append(event.getLevel().name()).append(' ').append(event.getLoggerName()).append(' ')
                        .append(event.getThreadName()).append(": ").append(event.getMessage().getFormattedMessage())
                        .append(' ').append(String.valueOf(event.getContextData().toMap()));
                if (event.getThrown() != null) {
                    line.append('\n');
                    event.getThrown().printStackTrace(new PrintWriter(line));
                }
                events.add(line.toString());
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            levels.put(logger.getName(), logger.getLevel());
            detachedAppenders.put(logger.getName(), List.copyOf(logger.getAppenders().keySet()));
            logger.getAppenders().keySet().forEach(logger::removeAppender);
        }
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.DEBUG);
        PrintStream tee = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (printed) {
                    printed.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (printed) {
                    printed.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
    }

    /** The log events so far, one string each. */
    List<String> events() {
        return List.copyOf(events);
    }

    /** What was written to standard output and error so far. */
    String printed() {
        synchronized (printed) {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        Configuration config = context.getConfiguration();
        config.getRootLogger().removeAppender(appender.getName());
        appender.stop();
        for (Map.Entry<String, List<String>> detached : detachedAppenders.entrySet()) {
            LoggerConfig logger = config.getLoggerConfig(detached.getKey());
            for (String name : detached.getValue()) {
                logger.addAppender(config.getAppender(name), null, null);
            }
        }
        levels.forEach((name, level) -> config.getLoggerConfig(name).setLevel(level));
        context.updateLoggers();
    }
}
