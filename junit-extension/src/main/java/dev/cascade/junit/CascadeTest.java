package dev.cascade.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a test class (or one method) a chaos test of supervision trees: a {@code ChaosTree} parameter is
 * started for each test from the {@link Tree @Tree} it names, on the simulated scheduler with a seed that is
 * the same on every run and machine, closed after the test, and checked; a failing test prints its seed and
 * the one-line command that replays it.
 *
 * <pre>{@code
 * @CascadeTest
 * class PaymentsTest {
 *     @Tree
 *     static SupervisorSpec payments() {
 *         return SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
 *                 .withChild(ChildSpec.worker("gateway", Gateway::new));
 *     }
 *
 *     @Test
 *     void gatewayCrashLoopEscalates(@Tree("payments") ChaosTree tree) {
 *         tree.inject(Fault.breachIntensity("root/gateway"));
 *         tree.runFor(Duration.ofSeconds(1));
 *         assertThat(tree.trace()).supervisor("root").gaveUp();
 *     }
 * }
 * }</pre>
 *
 * <p>The seed, by precedence: {@link #seed()}; the configuration parameter {@code cascade.seed} (a number, or
 * {@code random} for a new seed per run, printed); else one derived from the test's unique id. After each test:
 * planned faults that never fired fail it ({@link #unfiredFaults()}, or {@code cascade.unfiredFaults}; exempt one
 * with {@code Fault#optional()}); a simulation that was not reproducible fails it, naming the cause; in
 * {@link Mode#REAL} mode, processes and agent sessions the test left behind are reported ({@link #leftovers()}, or
 * {@code cascade.leftovers}) and cleaned up. Every
 * test writes a result record to {@code target/cascade/results/<test id>.json}; a failing one (every one with
 * {@code cascade.report=always}) also writes its run's files to {@code target/cascade/<test id>/}.
 *
 * <p>Limitations: the replay command selects a method, so a parameterized or repeated test replays all its
 * invocations with that seed; checks see only what the test started through the extension (its parameters
 * and {@link CascadeContext}), never trees or nodes it built by hand; a tree started with {@code Tracing.OFF} cannot
 * tell its own processes from leftovers, so its node is not checked for leftovers.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CascadeExtension.class)
public @interface CascadeTest {

    /** The scheduler the test's trees and nodes run on. */
    enum Mode {
        /** Deterministic, seeded, on virtual time (the default). */
        SIMULATED,
        /** Virtual threads and the system clock: for integration tests; wait with {@link CascadeConditions}. */
        REAL
    }

    /** What to do when a planned fault never fired (skipped, or still pending when the test ended). */
    enum UnfiredFaults {
        /** Fail the test, with the ledger (the default). */
        FAIL,
        /** Pass, printing the ledger as a warning and publishing it as a report entry. */
        WARN,
        /** Say nothing. */
        IGNORE
    }

    /**
     * What to do when a real-mode test leaves processes running (on a node it started, or on its tree's node after the
     * tree stopped) or an agent session open. Whatever it says, they are cleaned up after the test, so one test's leak
     * never reaches the next.
     */
    enum Leftovers {
        /** Pass, naming each leftover in a warning (stderr and a report entry) (the default). */
        WARN,
        /** Fail the test, naming each leftover. */
        FAIL,
        /** Say nothing. */
        IGNORE
    }

    /** The seed; when absent (the default), {@code cascade.seed} or one derived from the test's unique id. */
    long[] seed() default {};

    /** The scheduler; {@link Mode#SIMULATED} by default. */
    Mode mode() default Mode.SIMULATED;

    /** When absent (the default), the configuration parameter {@code cascade.unfiredFaults}, else {@link UnfiredFaults#FAIL}. */
    UnfiredFaults[] unfiredFaults() default {};

    /** When absent (the default), the configuration parameter {@code cascade.leftovers}, else {@link Leftovers#WARN}. */
    Leftovers[] leftovers() default {};
}
