package dev.cascade.conformance.supervisor;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures, while open, every message the supervisor logs through {@code System.Logger}
 * {@code "dev.cascade.supervisor"} (backed by java.util.logging when no other provider is installed),
 * at every level: how the supervisor's reports ({@code shutdown_error}, …) are observed.
 */
final class CapturedLog implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.cascade.supervisor");
    private final Level previous = logger.getLevel();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            Object[] parameters = record.getParameters();
            messages.add(parameters == null ? record.getMessage() : MessageFormat.format(record.getMessage(), parameters));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    CapturedLog() {
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    List<String> shutdownErrors() {
        return messages().stream().filter(m -> m.startsWith("shutdown_error")).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previous);
    }
}
