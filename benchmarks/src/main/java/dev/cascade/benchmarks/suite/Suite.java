package dev.cascade.benchmarks.suite;

import dev.cascade.benchmarks.workloads.Workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The benchmark suite of issue 6: {@code java -jar benchmarks.jar suite [--out DIR] [REGEX]}.
 * Runs every {@link Plan#jobs() job} (W1-W6 on the real scheduler, W2/W3/W5 traced, W2/W3/W5/W6
 * simulated), each in its own fresh JVMs ({@link Forks}), then the {@link Scenarios} through JMH;
 * writes {@code summary.json} and {@code summary.md} to {@code DIR} (by default {@code results}
 * beside the jar: {@code benchmarks/target/results}) and prints the table. {@code REGEX} keeps only
 * the measurements whose name it finds, e.g. {@code 'W4'}, {@code 'W2 real'}, {@code 'simulated'},
 * {@code 'cache-crash'}. Exits with 1 if any measurement failed (its workload's check, or its JVM).
 */
public final class Suite {
    private Suite() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])
                .toAbsolutePath().getParent().resolve("results");
        Pattern filter = Pattern.compile("");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (args[i].startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; usage: suite [--out DIR] [REGEX]");
            } else {
                filter = Pattern.compile(args[i]);
            }
        }
        long start = System.nanoTime();
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String uptimeBefore = uptime();
        List<Entry> entries = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Job job : Plan.jobs()) {
            if (filter.matcher(job.name()).find()) {
                measure(job, entries, failures);
            }
        }
        for (Scenarios.Bench bench : Scenarios.benches()) {
            if (filter.matcher(bench.jobName()).find()) {
                System.out.printf("== %s: JMH, %d warm-up x 2 s, %d x 1 s measured%n", bench.jobName(),
                        Scenarios.WARM_UPS, Scenarios.ITERATIONS);
                long begin = System.nanoTime();
                try {
                    entries.addAll(Scenarios.run(bench));
                    System.out.printf(Locale.ROOT, "   %s took %.0f s%n", bench.jobName(), (System.nanoTime() - begin) / 1e9);
                } catch (Exception failed) {
                    failures.add(bench.jobName() + ": " + failed);
                }
            }
        }
        Summary summary = new Summary(String.join(" ", "java -jar benchmarks.jar suite", String.join(" ", args)).strip(), started,
                System.getProperty("java.vm.name") + " " + Runtime.version(), Runtime.getRuntime().availableProcessors(),
                uptimeBefore, uptime(), (System.nanoTime() - start) / 1e9, entries, failures);
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.json"), summary.json(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("summary.md"), summary.markdown(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(summary.markdown());
        System.out.println("Wrote " + out.resolve("summary.json") + " and " + out.resolve("summary.md"));
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static void measure(Job job, List<Entry> entries, List<String> failures) throws InterruptedException {
        System.out.printf(Locale.ROOT, "== %s: %d warm-up + %d measured iteration(s) x %d JVM(s), -Xmx%s%n", job.name(),
                job.warmUps(), job.iterations(), job.forks(), job.heap());
        double loadBefore = Forks.load();
        long start = System.nanoTime();
        try {
            Map<String, List<Double>> figures = Forks.run(job);
            System.out.printf(Locale.ROOT, "   %s took %.0f s%n", job.name(), (System.nanoTime() - start) / 1e9);
            double loadAfter = Forks.load();
            String description = Workload.byId(job.workload()).description();
            figures.forEach((key, values) -> {
                String[] metric = key.split("\t");
                entries.add(new Entry(job.workload(), description, job.label(), metric[0], metric[1], values,
                        Plan.goal(job.workload(), job.label(), metric[0]), loadBefore, loadAfter));
            });
        } catch (IOException failed) {
            failures.add(failed.getMessage());
        }
    }

    /** The output of {@code uptime}, or the load average where there is no such command. */
    private static String uptime() {
        try {
            Process uptime = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String text = new String(uptime.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (uptime.waitFor() == 0) {
                return text;
            }
        } catch (IOException | InterruptedException noCommand) {
            // fall through to the JVM's view
        }
        return String.format(Locale.ROOT, "load average %.2f", Forks.load());
    }
}
