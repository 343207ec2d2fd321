package dev.cascade.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Writes result records on a thread of its own, so a test does not wait for the disk (a small file costs
 * milliseconds on a busy machine: more than the rest of the extension). One per test run, in the root
 * context's {@code Store}: JUnit closes it when the run ends, and closing waits for every record to be on disk
 * and reports any that could not be written.
 */
final class ResultWriter implements AutoCloseable {
    private final ExecutorService disk = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "cascade-result-records");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> failures = new CopyOnWriteArrayList<>();

    static ResultWriter of(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(ResultWriter.class))
                .getOrComputeIfAbsent(ResultWriter.class, key -> new ResultWriter(), ResultWriter.class);
    }

    void write(Path file, String text) {
        disk.execute(() -> {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException failed) {
                failures.add(file + ": " + failed);
            }
        });
    }

    @Override
    public void close() {
        disk.shutdown();
        try {
            if (!disk.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Cascade's result records were still being written after 10 minutes; the disk is stuck");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Cascade's result records were being written", interrupted);
        }
        if (!failures.isEmpty()) {
            throw new UncheckedIOException("Cascade could not write " + failures.size() + " result record(s) (set "
                    + RunFiles.OUTPUT_DIR + " to a writable folder): " + String.join("; ", failures), new IOException(failures.getFirst()));
        }
    }
}
