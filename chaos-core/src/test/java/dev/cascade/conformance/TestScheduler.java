package dev.cascade.conformance;

import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Scheduler;
import dev.cascade.simulation.Nondeterminism;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.simulation.SimulationReport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The scheduler the runtime's conformance tests run on, so that the same tests check the real
 * scheduler and the simulated one. Chosen by system properties:
 * {@code -Dcascade.test.scheduler=real} (the default) or {@code simulated}, and for a simulation
 * {@code -Dcascade.test.seed=N} (default 1). The build runs these tests once on each.
 *
 * <p>A test class that creates schedulers here is annotated {@code @ExtendWith(TestScheduler.Verify.class)}:
 * after each test it checks that every simulation the test ran was reproducible (decided by its
 * seed alone), which catches a test that waits on the real clock inside a process.
 *
 * <pre>{@code
 * @ExtendWith(TestScheduler.Verify.class)
 * class SomeTests {
 *     @Test
 *     void something() {
 *         try (Node node = Node.start(TestScheduler.create(), listener)) {
 *             node.run(ctx -> { ... TestScheduler.eventually(ctx, "the entry is gone", () -> ...); ... });
 *         }
 *     }
 * }
 * }</pre>
 */
public final class TestScheduler {
    /** The system property naming the scheduler: {@code real} or {@code simulated}. */
    public static final String SCHEDULER_PROPERTY = "cascade.test.scheduler";
    /** The system property holding the simulation's seed. */
    public static final String SEED_PROPERTY = "cascade.test.seed";

    /** How long {@link #eventually} waits for its condition. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** How often, in virtual time, {@link #eventually} looks at its condition under simulation. */
    private static final Duration POLL = Duration.ofMillis(1);

    /**
     * The simulations the current test created, checked by {@link Verify} when it ends; null outside
     * a test run with {@link Verify}, where a simulation would go unchecked. A test runs on one thread.
     */
    private static final ThreadLocal<List<SimulatedScheduler>> created = new ThreadLocal<>();

    private TestScheduler() {}

    /** Whether the tests run on the simulated scheduler. */
    public static boolean simulated() {
        return simulated(System.getProperty(SCHEDULER_PROPERTY, "real"));
    }

    static boolean simulated(String property) {
        String kind = property.trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "real", "" -> false;
            case "simulated" -> true;
            default -> throw new IllegalArgumentException("-D" + SCHEDULER_PROPERTY + "=" + kind
                    + " is not a scheduler the tests know; use real or simulated");
        };
    }

    /** The seed simulations are built with. */
    public static long seed() {
        String seed = System.getProperty(SEED_PROPERTY, "1").trim();
        try {
            return Long.parseLong(seed);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + "=" + seed + " is not a number", notANumber);
        }
    }

    /** A fresh scheduler of the chosen kind, for one node. */
    public static Scheduler create() {
        if (!simulated()) {
            return Scheduler.real();
        }
        List<SimulatedScheduler> sims = created.get();
        if (sims == null) {
            throw new IllegalStateException("a simulation created outside a test run with TestScheduler.Verify would not be"
                    + " checked for reproducibility; annotate the test class with @ExtendWith(TestScheduler.Verify.class)");
        }
        SimulatedScheduler sim = SimulatedScheduler.builder().seed(seed()).build();
        sims.add(sim);
        return sim;
    }

    /** What the tests run on, for messages: {@code "real"} or {@code "simulated (seed 1)"}. */
    public static String describe() {
        return simulated() ? "simulated (seed " + seed() + ")" : "real";
    }

    /**
     * Waits, inside process {@code ctx}, until {@code condition} holds, failing after 10 s. On the
     * real scheduler it polls with Awaitility (on the calling thread, so the condition may use
     * {@code ctx}); under simulation it looks every millisecond of virtual time ({@code ctx.sleep}),
     * since a real-clock wait inside a process would make the run depend on more than its seed.
     */
    public static void eventually(ProcessContext ctx, String what, BooleanSupplier condition) {
        eventually(ctx, () -> what, condition);
    }

    /** {@link #eventually(ProcessContext, String, BooleanSupplier)}, describing what was awaited only when it fails. */
    public static void eventually(ProcessContext ctx, Supplier<String> what, BooleanSupplier condition) {
        if (!simulated()) {
            try {
                await().atMost(PATIENCE).pollInSameThread().until(condition::getAsBoolean);
            } catch (ConditionTimeoutException timedOut) {
                throw new AssertionError("expected " + what.get() + " within " + PATIENCE.toSeconds() + " s", timedOut);
            }
            return;
        }
        long deadline = ctx.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (ctx.nanoTime() - deadline >= 0) {
                throw new AssertionError("expected " + what.get() + " within " + PATIENCE.toSeconds()
                        + " s of virtual time, but it never happened (" + describe() + ")");
            }
            ctx.sleep(POLL);
        }
    }

    /**
     * Checks every simulation the current test created since the last check: fails, naming each
     * cause (a timed JDK wait, a wake-up from a thread the simulation does not own, ...), if one was
     * not reproducible. {@link Verify} calls it after each test.
     */
    public static void checkReproducible(String testName) {
        List<SimulatedScheduler> sims = created.get();
        if (sims == null) {
            return;
        }
        List<SimulatedScheduler> ran = List.copyOf(sims);
        sims.clear();
        List<String> problems = new ArrayList<>();
        for (SimulatedScheduler sim : ran) {
            SimulationReport report = sim.report();
            if (!report.reproducible()) {
                problems.add(report.summary() + ":\n    " + report.nondeterminism().stream()
                        .map(Nondeterminism::describe).collect(Collectors.joining("\n    ")));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("the simulated run of " + testName + " was not reproducible (a process waited on"
                    + " the real clock or was woken from outside the simulation; wait with ctx.sleep, a receive timeout"
                    + " or TestScheduler.eventually instead):\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * Fails a test after which a simulation it ran was not reproducible ({@link #checkReproducible}),
     * and says, on a failure under simulation, how to replay it. Registered on a test class, it
     * covers its nested classes too.
     */
    public static final class Verify implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
        @Override
        public void beforeEach(ExtensionContext context) {
            created.set(new ArrayList<>());
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            List<SimulatedScheduler> sims = created.get();
            if (sims != null && !sims.isEmpty()) {
                failure.addSuppressed(new AssertionError("failed on the simulated scheduler, seed " + seed() + "; replay with -D"
                        + SCHEDULER_PROPERTY + "=simulated -D" + SEED_PROPERTY + "=" + seed()));
            }
            throw failure;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            try {
                checkReproducible(context.getTestClass().map(Class::getName).orElse("a test") + " " + context.getDisplayName());
            } finally {
                created.remove();
            }
        }
    }
}
