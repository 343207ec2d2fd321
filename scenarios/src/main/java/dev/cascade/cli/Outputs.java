package dev.cascade.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output directory and the outcome files in it, checked before anything runs: {@code --out ""},
 * a file, a directory that cannot be created or written, an outcome name the file system refuses
 * (too long) and two scenarios of the same name (whose outcomes would overwrite each other) are
 * refused ({@link BadInput}, exit 2) with the system's reason. Each outcome file is created and
 * removed again as a probe, so what the run writes at the end is known to be writable.
 */
final class Outputs {
    private Outputs() {}

    /** The directory {@code --out} names, created if missing and probed for writing. */
    static Path directory(String out) {
        return directory(out, "--out");
    }

    /** The directory {@code flag} ({@code --out}, {@code --trace}) names, created if missing. */
    static Path directory(String out, String flag) {
        if (out.isEmpty()) {
            throw BadInput.input(flag + " needs a directory name, got an empty one; use " + flag + " . for the current directory", null);
        }
        Path dir;
        try {
            dir = Path.of(out);
        } catch (InvalidPathException invalid) {
            throw BadInput.input(problem(flag, out, "not a valid path: " + invalid.getReason()), null);
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
            throw BadInput.input(problem(flag, out, "it exists and is not a directory"), null);
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException notADirectory) {
            throw BadInput.input(problem(flag, out, "it exists and is not a directory"), notADirectory);
        } catch (IOException failed) {
            throw BadInput.input(problem(flag, out, "cannot create it: " + Inputs.reason(failed)), failed);
        }
        return dir;
    }

    /**
     * The outcome file of each scenario name, in order, each probed; two files of the same scenario
     * name are refused.
     *
     * @param names the scenario name of each file, keyed by the file as given
     */
    static List<Path> outcomes(Path dir, String out, Map<String, String> names) {
        Map<String, String> fileOfName = new LinkedHashMap<>();
        names.forEach((file, name) -> {
            String earlier = fileOfName.putIfAbsent(name, file);
            if (earlier != null) {
                throw BadInput.input(Shown.value(earlier) + " and " + Shown.value(file) + " both hold scenario \"" + Shown.value(name)
                        + "\", so both outcomes would be written to " + Shown.value(dir.resolve(name + ".outcome.json").toString())
                        + "; give each scenario its own name (or run them with different --out directories)", null);
            }
        });
        return names.values().stream().map(name -> probe(dir, out, name)).toList();
    }

    private static Path probe(Path dir, String out, String name) {
        Path file = dir.resolve(name + ".outcome.json");
        if (Files.isDirectory(file)) {
            throw BadInput.input(problem(out, "the outcome of scenario \"" + Shown.value(name) + "\" would be written to "
                    + Shown.value(file.toString()) + ", which is a directory"), null);
        }
        boolean existed = Files.exists(file);
        try {
            if (existed) {
                Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND).close(); // writable, left as it was
            } else {
                Files.createFile(file);
                Files.delete(file);
            }
        } catch (IOException failed) {
            throw BadInput.input(problem(out, "cannot write the outcome of scenario \"" + Shown.value(name) + "\" to "
                    + Shown.value(file.toString()) + ": " + Inputs.reason(failed)), failed);
        }
        return file;
    }

    private static String problem(String out, String why) {
        return problem("--out", out, why);
    }

    private static String problem(String flag, String out, String why) {
        return flag + " " + Shown.value(out) + ": " + why;
    }
}
