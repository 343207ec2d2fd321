package dev.cascade.benchmarks.suite;

import dev.cascade.benchmarks.workloads.Metric;
import dev.cascade.benchmarks.workloads.Sample;
import dev.cascade.benchmarks.workloads.Workload;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.RuntimeListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The forked JVM of one {@link Job}: {@code Child <workload> <mode> <warm-ups> <iterations>}. Runs
 * the warm-up iterations, then the measured ones, each on a fresh node (a fresh simulation seeded
 * with the iteration's number in simulated mode), closed and followed by a full GC outside the
 * measurement, so one iteration's garbage (a trace, 100,000 dead processes) is not collected in the
 * next. Prints each iteration's figures, then one {@value #RESULT} line per figure with every
 * measured value, which the parent reads. A workload whose check fails ends the JVM with an error.
 */
public final class Child {
    static final String RESULT = "RESULT";

    private Child() {}

    public static void main(String[] args) {
        try {
            measure(args);
        } catch (Throwable failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // a real node's timer thread must not keep the JVM alive
    }

    private static void measure(String[] args) {
        Workload workload = Workload.byId(args[0]);
        Mode mode = Mode.valueOf(args[1]);
        int warmUps = Integer.parseInt(args[2]);
        int iterations = Integer.parseInt(args[3]);
        Map<String, List<Double>> measured = new LinkedHashMap<>();
        for (int i = 0; i < warmUps + iterations; i++) {
            List<Metric> figures = mode.figures(once(workload, mode, i));
            boolean warmUp = i < warmUps;
            System.out.printf(Locale.ROOT, "    %s %-12s %s %2d/%d: %s%n", workload.id(), mode.label,
                    warmUp ? "warm-up  " : "iteration", warmUp ? i + 1 : i - warmUps + 1, warmUp ? warmUps : iterations,
                    figures.stream().map(m -> String.format(Locale.ROOT, "%s %.3f %s", m.name(), m.value(), m.unit()))
                            .collect(Collectors.joining(", ")));
            if (!warmUp) {
                for (Metric metric : figures) {
                    measured.computeIfAbsent(metric.name() + "\t" + metric.unit(), key -> new ArrayList<>()).add(metric.value());
                }
            }
        }
        measured.forEach((metric, values) -> System.out.println(RESULT + "\t" + metric + "\t"
                + values.stream().map(String::valueOf).collect(Collectors.joining(" "))));
    }

    private static Sample once(Workload workload, Mode mode, long seed) {
        Sample sample;
        try (Node node = Node.start(mode.scheduler(seed), RuntimeListener.NONE, mode.tracing())) {
            sample = workload.run(node);
        }
        System.gc();
        return sample;
    }
}
