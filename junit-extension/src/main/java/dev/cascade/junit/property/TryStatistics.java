package dev.cascade.junit.property;

import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.LedgerEntry;
import dev.cascade.spec.CascadeRun;
import dev.cascade.spec.Verdict;
import dev.cascade.trace.TraceEvent;

import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What the tries of a property covered, as jqwik statistics under four labels: the kinds of the
 * faults drawn, whether each fired or was skipped, whether a supervisor gave up, and the verdicts.
 * Outside a jqwik property (a plain JUnit test, a regression replay) it does nothing; jqwik is an
 * optional dependency, so it is only touched when it is on the class path.
 */
public final class TryStatistics {
    public static final String KINDS = "cascade fault kinds";
    public static final String FAULTS = "cascade faults fired or skipped";
    public static final String GIVE_UPS = "cascade give-ups";
    public static final String VERDICTS = "cascade verdicts";
    public static final String GAVE_UP = "a supervisor gave up";
    public static final String NO_GIVE_UP = "no supervisor gave up";

    private static final boolean JQWIK = present();
    /** jqwik's own "is a jqwik test running on this thread" (engine-internal, so looked up, not linked). */
    private static final java.lang.invoke.MethodHandle NO_JQWIK_TEST = noJqwikTest();

    private TryStatistics() {}

    private static boolean present() {
        try {
            Class.forName("net.jqwik.api.statistics.Statistics", false, TryStatistics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    private static java.lang.invoke.MethodHandle noJqwikTest() {
        try {
            Class<?> current = Class.forName("net.jqwik.engine.execution.lifecycle.CurrentTestDescriptor", false,
                    TryStatistics.class.getClassLoader());
            return java.lang.invoke.MethodHandles.publicLookup().findStatic(current, "isEmpty",
                    java.lang.invoke.MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException | LinkageError absent) {
            return null;
        }
    }

    /** Whether no jqwik test runs on this thread: then statistics have nowhere to go (and asking would throw). */
    private static boolean outsideJqwik() {
        if (NO_JQWIK_TEST == null) {
            return false;
        }
        try {
            return (boolean) NO_JQWIK_TEST.invokeExact();
        } catch (Throwable unexpected) {
            return false;
        }
    }

    /** Records one try: its plan, its run and its verdict. */
    public static void collect(FaultPlan plan, CascadeRun run, Verdict verdict) {
        if (!JQWIK || outsideJqwik()) {
            return;
        }
        try {
            Jqwik.collect(plan, run, verdict);
        } catch (RuntimeException notInAProperty) {
            // Statistics exist only inside a jqwik property; a JUnit test or a replay has none.
        }
    }

    /**
     * Fails the property at its end unless some try reached {@code value} under {@code label}, with
     * what to do about it.
     */
    public static void require(String label, String value) {
        if (!JQWIK) {
            throw new IllegalStateException("coverage checks need jqwik on the test class path (net.jqwik:jqwik)");
        }
        Jqwik.require(label, value);
    }

    /** The label a coverage case belongs to. */
    public static String labelOf(String value) {
        if (value.equals(GAVE_UP) || value.equals(NO_GIVE_UP)) {
            return GIVE_UPS;
        }
        if (Map.of("fired", 1, "skipped", 1, "pending", 1).containsKey(value)) {
            return FAULTS;
        }
        if (Map.of("pass", 1, "fail", 1, "inconclusive", 1).containsKey(value)) {
            return VERDICTS;
        }
        return KINDS;
    }

    static String kind(dev.cascade.chaos.Fault fault) {
        return switch (fault) {
            case dev.cascade.chaos.Fault.Raise r -> "crash";
            case dev.cascade.chaos.Fault.Kill k -> "kill";
            case dev.cascade.chaos.Fault.Stop s -> "stop";
            case dev.cascade.chaos.Fault.ExitSignal e -> "exit_signal";
            case dev.cascade.chaos.Fault.SlowHandling s -> "slow_handling";
            case dev.cascade.chaos.Fault.SlowStart s -> "slow_start";
            case dev.cascade.chaos.Fault.FailingStart f -> "failing_start";
            case dev.cascade.chaos.Fault.Flood f -> "flood";
            case dev.cascade.chaos.Fault.IntensityBreach b -> "breach";
            case dev.cascade.chaos.Fault.LinkFault l -> "link_" + l.effect().name().toLowerCase(Locale.ROOT);
            case dev.cascade.chaos.Fault.SlowerThanCallTimeout s -> "call_timeout";
            case dev.cascade.chaos.Fault.InMethod m -> "method";
            case dev.cascade.chaos.Fault.OptionalFault o -> kind(o.fault());
        };
    }

    /** The only class that names jqwik's statistics API, loaded only when jqwik is present. */
    private static final class Jqwik {
        static void collect(FaultPlan plan, CascadeRun run, Verdict verdict) {
            var kinds = net.jqwik.api.statistics.Statistics.label(KINDS);
            plan.faults().forEach(timed -> kinds.collect(kind(timed.fault())));
            var faults = net.jqwik.api.statistics.Statistics.label(FAULTS);
            for (LedgerEntry entry : run.ledger().entries()) {
                faults.collect(entry.status().name().toLowerCase(Locale.ROOT));
            }
            boolean gaveUp = !run.trace().events(TraceEvent.SupervisorGaveUp.class).isEmpty();
            net.jqwik.api.statistics.Statistics.label(GIVE_UPS).collect(gaveUp ? GAVE_UP : NO_GIVE_UP);
            String outcome = switch (verdict) {
                case Verdict.Pass p -> "pass";
                case Verdict.Fail f -> "fail";
                case Verdict.Inconclusive i -> "inconclusive";
            };
            net.jqwik.api.statistics.Statistics.label(VERDICTS).collect(outcome);
        }

        static void require(String label, String value) {
            BiConsumer<Integer, Integer> atLeastOne = (count, all) -> {
                if (count == 0) {
                    throw new AssertionError("no try of this property reached \"" + value + "\" (" + label + ") in " + all
                            + " tries: it never tested the case it is about; widen the plans (FaultPlans.kinds, targeting,"
                            + " maxFaults, horizon) or raise tries");
                }
            };
            net.jqwik.api.statistics.Statistics.label(label).coverage(coverage -> coverage.check(value).count(atLeastOne));
        }
    }
}
