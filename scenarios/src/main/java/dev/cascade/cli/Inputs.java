package dev.cascade.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads the scenario files named on the command line, each before anything runs: a missing file, a
 * directory, a FIFO or device (never opened, so never waited on), an unreadable file or one larger
 * than {@link #MAX_BYTES} is refused ({@link BadInput}, exit 2) with the system's reason. At most
 * {@code MAX_BYTES + 1} bytes are ever read, whatever size a file claims ({@code /proc} files claim 0).
 */
final class Inputs {
    /** The largest scenario file read: 32 MiB (a tree of 100,000 workers with 100,000 faults takes about 10 MiB). */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    /** One file as given, and its bytes. */
    record Input(String name, Path path, byte[] bytes) {}

    private Inputs() {}

    static Input read(String name) {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException invalid) {
            throw BadInput.input(problem(name, "not a valid path: " + invalid.getReason()), null);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException failed) {
            throw BadInput.input(problem(name, reason(failed)), failed);
        }
        if (attributes.isDirectory()) {
            throw BadInput.input(problem(name, "it is a directory; name the scenario files in it"), null);
        }
        if (!attributes.isRegularFile()) {
            throw BadInput.input(problem(name, "not a regular file (a FIFO, a device or a socket); scenario files are read from"
                    + " regular files only"), null);
        }
        if (attributes.size() > MAX_BYTES) {
            throw BadInput.input(problem(name, tooLarge(attributes.size())), null);
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw BadInput.input(problem(name, tooLarge(bytes.length) + " (at least)"), null);
            }
            return new Input(name, path, bytes);
        } catch (IOException failed) {
            throw BadInput.input(problem(name, reason(failed)), failed);
        }
    }

    private static String tooLarge(long size) {
        return String.format(Locale.ROOT, "it is %,d bytes; scenario files are read up to %,d bytes (32 MiB)", size, MAX_BYTES);
    }

    private static String problem(String name, String why) {
        return "cannot read scenario file " + Shown.value(name) + ": " + why;
    }

    /** What the system said, in words: "no such file", "permission denied", or its own reason. */
    static String reason(IOException failed) {
        return switch (failed) {
            case NoSuchFileException missing -> "no such file";
            case AccessDeniedException denied -> "permission denied";
            case FileSystemException other when other.getReason() != null -> Shown.value(other.getReason());
            default -> failed.getMessage() == null ? failed.getClass().getSimpleName() : Shown.value(failed.getMessage());
        };
    }
}
