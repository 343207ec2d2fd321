package dev.cascade.junit.property;

import dev.cascade.scenario.Scenario;
import dev.cascade.spec.PlanFile;
import dev.cascade.spec.ScenarioSpecs;

import java.nio.file.Path;
import java.util.Optional;

/** Where the shrunk plans of failing properties go: {@code target/cascade/failures/<property>-<hash>.json}. */
public final class FailureFiles {
    public static final Path DEFAULT = Path.of("target", "cascade", "failures");

    private FailureFiles() {}

    /** Writes {@code file} under {@code dir}; empty (with why in the error text) when it cannot be written. */
    public static Written write(Path dir, PlanFile file) {
        try {
            return new Written(Optional.of(file.writeTo(dir)), "");
        } catch (RuntimeException failed) {
            return new Written(Optional.empty(), failed.getMessage());
        }
    }

    /**
     * Writes {@code file}'s trial as a complete scenario on {@code base}'s tree (named in the
     * scenario format's {@code [a-z0-9_-]+}); a plan file instead if a fault has no file spelling.
     */
    public static Written writeScenario(Path dir, Scenario base, PlanFile file) {
        String name = file.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9_-]", "_");
        String json;
        try {
            json = ScenarioSpecs.scenarioFile(base, name, file.trial(), file.settle(), file.specs());
        } catch (IllegalArgumentException unspellable) {
            return write(dir, file);
        }
        try {
            java.nio.file.Files.createDirectories(dir);
            return new Written(Optional.of(java.nio.file.Files.writeString(dir.resolve(name + ".json"), json)), "");
        } catch (java.io.IOException failed) {
            return new Written(Optional.empty(), "could not write " + name + ".json to " + dir + ": " + failed.getMessage());
        }
    }

    /** The path written, or why nothing was. */
    public record Written(Optional<Path> path, String why) {
        public String text() {
            return path.map(p -> "plan file: " + p + " (copy it into your @CascadeRegressions folder to replay it for ever)")
                    .orElse("no plan file written: " + why);
        }
    }

    /** The method that called {@code Cascade.check}: the property's name. */
    public static String caller(Class<?>... skip) {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .filter(frame -> frame.getDeclaringClass() != FailureFiles.class)
                .filter(frame -> java.util.Arrays.stream(skip).noneMatch(type -> type.equals(frame.getDeclaringClass())))
                .findFirst()
                .map(StackWalker.StackFrame::getMethodName)
                .orElse("property"));
    }
}
