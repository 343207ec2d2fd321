package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.FaultLedger;
import dev.cascade.trace.Trace;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Executable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The extension behind {@link CascadeTest}: one {@link TestRun} per test in the {@code Store}, parameters
 * resolved from it, checks and records after the test. Not API: users write {@code @CascadeTest}.
 */
final class CascadeExtension implements BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CascadeExtension.class);
    private static final Set<Class<?>> RESOLVED = Set.of(ChaosTree.class, Trace.class, FaultLedger.class, CascadeContext.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        ArgLine.diagnoseOnce(context);
        StaleFiles.removeOnce(context, RunFiles.root(context));
        Optional<CascadeTest> annotation = annotation(context);
        Seeds seed = Seeds.of(context, annotation);
        CascadeTest.Mode mode = annotation.map(CascadeTest::mode).orElse(CascadeTest.Mode.SIMULATED);
        TestRun run = new TestRun(context, seed, mode,
                choice(context, annotation.map(CascadeTest::unfiredFaults), "cascade.unfiredFaults", CascadeTest.UnfiredFaults.FAIL),
                choice(context, annotation.map(CascadeTest::leftovers), "cascade.leftovers", CascadeTest.Leftovers.WARN));
        context.getStore(NAMESPACE).put(TestRun.class, run); // closed by JUnit at the latest when the test's context closes
        run.enter();
        if (seed.source() == Seeds.Source.RANDOM) {
            context.publishReportEntry("cascade.seed", Long.toString(seed.value()));
            System.out.println("cascade: " + run.id.display() + " runs with random seed " + seed.value() + "; replay: "
                    + run.id.replay(seed.value()));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestRun run = context.getStore(NAMESPACE).get(TestRun.class, TestRun.class);
        Class<?> type = parameter.getParameter().getType();
        if (run == null || context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("a " + type.getSimpleName() + " belongs to one test; take it as a parameter of a "
                    + "@Test, @BeforeEach or @AfterEach method, not of " + parameter.getDeclaringExecutable());
        }
        String name = parameter.findAnnotation(Tree.class).map(Tree::value).orElse("");
        if (type == CascadeContext.class) {
            return new CascadeContext(run);
        }
        ChaosTree tree;
        try {
            tree = run.tree(name);
        } catch (ParameterResolutionException wrong) {
            throw new ParameterResolutionException(wrong.getMessage() + " (asked for by " + asker(parameter) + ")", wrong.getCause());
        }
        if (type == ChaosTree.class) {
            return tree;
        }
        return type == Trace.class ? tree.trace() : tree.ledger();
    }

    /** {@code parameter 1 of PaymentsTest.crashLoop(ChaosTree)}: which parameter asked for a tree. */
    private static String asker(ParameterContext parameter) {
        Executable executable = parameter.getDeclaringExecutable();
        Class<?> owner = executable.getDeclaringClass();
        String type = owner.getName().substring(owner.getPackageName().isEmpty() ? 0 : owner.getPackageName().length() + 1);
        return "parameter " + (parameter.getIndex() + 1) + " of " + type + "." + executable.getName() + "("
                + Arrays.stream(executable.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ")";
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        TestRun run = context.getStore(NAMESPACE).get(TestRun.class, TestRun.class);
        if (run == null) {
            throw failure;
        }
        Optional<String> unreproducible = Checks.notReproducible(run);
        if (unreproducible.isPresent()) { // the likelier cause of the failure, and why its seed will not bring it back
            run.tellNotReproducible();
            throw Failures.withRun(new AssertionError(unreproducible.get() + "\n\nand the test failed (perhaps because of it): "
                    + failure, failure), Failures.block(run));
        }
        throw Failures.withRun(failure, Failures.block(run));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        TestRun run = context.getStore(NAMESPACE).get(TestRun.class, TestRun.class);
        if (run == null) {
            return;
        }
        run.close();
        Checks checks = Checks.of(run);
        checks.warnings().forEach(warning -> {
            context.publishReportEntry("cascade.warning", warning);
            System.err.println("cascade: " + run.id.display() + ": " + warning);
        });
        Optional<Throwable> thrown = context.getExecutionException();
        boolean failed = thrown.isPresent() || !checks.failures().isEmpty() || !run.closeFailures().isEmpty();
        boolean always = context.getConfigurationParameter("cascade.report").map(v -> v.equalsIgnoreCase("always")).orElse(false);
        RunFiles files = RunFiles.of(context, run);
        if (failed || always) {
            files.writeRun(context, checks, thrown, failed);
        }
        files.writeResult(context, checks, thrown, failed);
        if (!checks.failures().isEmpty()) {
            AssertionError failure = new AssertionError(String.join("\n\n", checks.failures()) + "\n\n" + Failures.block(run));
            run.closeFailures().forEach(failure::addSuppressed);
            throw failure;
        }
        if (!run.closeFailures().isEmpty()) {
            Throwable first = run.closeFailures().getFirst();
            run.closeFailures().stream().skip(1).forEach(first::addSuppressed);
            Throwable richer = Failures.withRun(first, Failures.block(run));
            if (richer instanceof Exception exception) {
                throw exception;
            }
            throw (Error) richer;
        }
    }

    /** A class's (or an enclosing class's) {@code @CascadeTest}, looked up once per class. */
    private static final ClassValue<Optional<CascadeTest>> ON_CLASS = new ClassValue<>() {
        @Override
        protected Optional<CascadeTest> computeValue(Class<?> type) {
            for (Class<?> at = type; at != null; at = at.getEnclosingClass()) {
                Optional<CascadeTest> found = AnnotationSupport.findAnnotation(at, CascadeTest.class);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
    };

    private static Optional<CascadeTest> annotation(ExtensionContext context) {
        Optional<CascadeTest> onMethod = AnnotationSupport.findAnnotation(context.getTestMethod(), CascadeTest.class);
        return onMethod.isPresent() ? onMethod : ON_CLASS.get(context.getRequiredTestClass());
    }

    /** A check's switch: the annotation's, else the configuration parameter {@code key}, else {@code fallback}. */
    private static <E extends Enum<E>> E choice(ExtensionContext context, Optional<E[]> annotated, String key, E fallback) {
        Optional<E[]> given = annotated.filter(a -> a.length > 0);
        if (given.isPresent()) {
            return given.get()[0];
        }
        Optional<String> configured = context.getConfigurationParameter(key);
        if (configured.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(fallback.getDeclaringClass(), configured.get().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException bad) {
            throw new ExtensionConfigurationException(key + " must be one of " + List.of(fallback.getDeclaringClass().getEnumConstants())
                    + " but was \"" + configured.get() + "\"; set it in junit-platform.properties or with -D" + key + "=...");
        }
    }
}
