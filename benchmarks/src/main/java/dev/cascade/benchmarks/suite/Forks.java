package dev.cascade.benchmarks.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Job} in fresh JVMs ({@link Child}), on the JDK and class path of this one, with
 * the flag the simulator's executor backend needs and a fixed heap; echoes their progress and
 * collects their figures.
 */
final class Forks {
    private Forks() {}

    /** Every figure's measured values over all of the job's JVMs, by {@code "metric\tunit"}. */
    static Map<String, List<Double>> run(Job job) throws IOException, InterruptedException {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (int fork = 0; fork < job.forks(); fork++) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Xms" + job.heap(), "-Xmx" + job.heap(),
                    "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                    job.workload(), job.mode().name(), String.valueOf(job.warmUps()), String.valueOf(job.iterations()));
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(Child.RESULT + "\t")) {
                        String[] fields = line.split("\t");
                        List<Double> measured = values.computeIfAbsent(fields[1] + "\t" + fields[2], key -> new ArrayList<>());
                        Arrays.stream(fields[3].split(" ")).map(Double::valueOf).forEach(measured::add);
                    } else {
                        System.out.println(line);
                    }
                }
            }
            int exit = child.waitFor();
            if (exit != 0) {
                throw new IOException(job.name() + " failed: its JVM exited with " + exit + " (see its output above)");
            }
        }
        return values;
    }

    /** The 1-minute load average of the machine, or -1 where the OS does not tell. */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
