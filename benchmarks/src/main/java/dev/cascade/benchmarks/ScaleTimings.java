package dev.cascade.benchmarks;

import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioRunner;
import dev.cascade.simulation.SimulatedScheduler;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * How reading and running a scenario file grows with the tree and the fault plan (issue 14): a root
 * with 1,000, 10,000 and 100,000 workers, and 100,000 faults at one instant on a tree of 1,000
 * workers, each read from its JSON text and run on the simulated scheduler (seed 0). A timed main
 * rather than a JMH benchmark: each case runs for seconds and is measured once, after one warm-up
 * run of the smallest case.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.cascade.benchmarks.ScaleTimings
 * }</pre>
 */
public final class ScaleTimings {
    private ScaleTimings() {}

    public static void main(String[] args) {
        time("warm-up: 1,000 children", children(1_000), true);
        for (int children : new int[] {1_000, 10_000, 100_000}) {
            time(String.format(Locale.ROOT, "%,d children, 1 fault", children), children(children), false);
        }
        time("1,000 children, 100,000 exit signals at one instant", faults(1_000, 100_000, ScaleTimings::exitSignal), false);
        time("1,000 children, 100,000 drop faults at one instant", faults(1_000, 100_000, ScaleTimings::drop), false);
    }

    private static void time(String what, String json, boolean quiet) {
        long start = System.nanoTime();
        Scenario scenario = ScenarioReader.read(json);
        long read = System.nanoTime();
        Outcome outcome = ScenarioRunner.run(scenario, SimulatedScheduler.withSeed(0));
        long ran = System.nanoTime();
        if (!quiet) {
            System.out.printf(Locale.ROOT, "%-48s read %,8.0f ms   run %,8.0f ms   (%,d events, %,d ledger entries)%n", what,
                    (read - start) / 1e6, (ran - read) / 1e6, outcome.events().size(), outcome.ledger().size());
        }
    }

    /** A root supervisor over {@code count} workers; one raise on the first, settled 100 ms later. */
    static String children(int count) {
        return file(count, "{ \"at_ms\": 10, \"target\": \"root/w0\", \"kind\": \"raise\", \"reason\": \"boom\" }");
    }

    /** {@code count} faults at 10 ms, fault {@code i} made by {@code fault} for worker {@code i mod workers}. */
    static String faults(int workers, int count, java.util.function.BiFunction<Integer, Integer, String> fault) {
        StringJoiner faults = new StringJoiner(",\n");
        for (int i = 0; i < count; i++) {
            faults.add(fault.apply(i % workers, workers));
        }
        return file(workers, faults.toString());
    }

    /** An exit signal {@code normal}, which a non-trapping worker ignores. */
    private static String exitSignal(int worker, int workers) {
        return "{ \"at_ms\": 10, \"target\": \"root/w" + worker + "\", \"kind\": \"exit_signal\", \"reason\": \"normal\" }";
    }

    /** A drop of 50 ms on the link from the next worker: armed, acting on no message (the workers send none). */
    private static String drop(int worker, int workers) {
        return "{ \"at_ms\": 10, \"target\": \"root/w" + worker + "\", \"kind\": \"drop\", "
                + "\"from\": \"root/w" + (worker + 1) % workers + "\", \"window_ms\": 50 }";
    }

    private static String file(int workers, String faults) {
        StringJoiner children = new StringJoiner(",\n");
        for (int i = 0; i < workers; i++) {
            children.add("{ \"id\": \"w" + i + "\" }");
        }
        return """
                { "format": "cascade-scenario/1", "name": "scale", "tree": { "id": "root", "children": [
                %s ] }, "faults": [ %s ], "settle_ms": 100 }
                """.formatted(children, faults);
    }
}
