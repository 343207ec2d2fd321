package dev.cascade.junit.property;

import dev.cascade.spec.PlanFile;

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
