package dev.cascade.junit.property;

import dev.cascade.junit.CascadeRegressions;
import dev.cascade.junit.FaultPlan;
import dev.cascade.spec.PlanFile;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** One invocation of a {@link CascadeRegressions} method per plan file of its folder, in name order. */
public final class RegressionsProvider implements TestTemplateInvocationContextProvider {
    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().flatMap(method -> AnnotationSupport.findAnnotation(method, CascadeRegressions.class)).isPresent();
    }

    @Override
    public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        CascadeRegressions annotation = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), CascadeRegressions.class)
                .orElseThrow();
        Path folder = Path.of(annotation.value());
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("@CascadeRegressions(\"" + annotation.value() + "\"): no folder " + folder.toAbsolutePath()
                    + "; create it and copy plan files from target/cascade/failures into it");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException failed) {
            throw new UncheckedIOException("@CascadeRegressions: could not list " + folder.toAbsolutePath(), failed);
        }
        return files.stream().map(Replay::new);
    }

    /** The replay of one plan file. */
    private record Replay(Path file) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return file.getFileName().toString();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
                    return parameter.getParameter().getType() == FaultPlan.class;
                }

                @Override
                public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
                    try {
                        return FaultPlan.of(PlanFile.read(file).trial());
                    } catch (RuntimeException bad) {
                        throw new ParameterResolutionException("plan file " + bad.getMessage(), bad);
                    }
                }
            });
        }
    }
}
