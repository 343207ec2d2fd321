package dev.cascade.catalog;

import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Timeout;
import dev.cascade.spec.TreeOutline;
import dev.cascade.trace.TraceEvent;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a tree does on its own, seen in a fault-free run of {@value #BASELINE_MS} ms: how long each
 * worker's first start took, who calls whom (with the longest timeout) and which workers send to
 * which. The probes read a tree's behaviour from here rather than from a file's fields, so they work
 * as well on a Java team's {@code SupervisorSpec}, whose children are code.
 *
 * @param run     the fault-free run
 * @param starts  each worker's first start, spawn to start returned
 * @param callers for each worker that was called, the workers that called it, in path order
 * @param timeout for each called worker, the longest timeout of the calls to it
 * @param sends   for each worker that sent a message to another worker, those workers
 */
record Observed(CatalogRun run, Map<String, Duration> starts, Map<String, Set<String>> callers, Map<String, Duration> timeout,
                Map<String, Set<String>> sends) {
    static final long BASELINE_MS = 2_000;

    /** Runs {@code tree} without faults and looks. */
    static Observed of(ProbeTree tree) {
        CatalogRun run = tree.run("probe-baseline", List.of(), Duration.ofMillis(BASELINE_MS));
        TreeOutline outline = tree.outline();
        Map<Pid, Long> spawned = new HashMap<>();
        Map<String, Duration> starts = new LinkedHashMap<>();
        Map<String, Set<String>> callers = new LinkedHashMap<>();
        Map<String, Duration> timeout = new LinkedHashMap<>();
        Map<String, Set<String>> sends = new LinkedHashMap<>();
        for (TraceEvent event : run.spec().trace().events()) {
            switch (event) {
                case TraceEvent.Spawned born -> spawned.putIfAbsent(born.process().pid(), born.atNanos());
                case TraceEvent.Started started -> started.process().path().filter(path -> worker(outline, path))
                        .filter(path -> !starts.containsKey(path) && spawned.containsKey(started.process().pid()))
                        .ifPresent(path -> starts.put(path, Duration.ofNanos(started.atNanos() - spawned.get(started.process().pid()))));
                case TraceEvent.CallStarted call -> {
                    Optional<String> caller = call.caller().path().filter(path -> worker(outline, path));
                    Optional<String> callee = call.callee().path().filter(path -> worker(outline, path));
                    if (caller.isPresent() && callee.isPresent()) {
                        callers.computeIfAbsent(callee.get(), to -> new LinkedHashSet<>()).add(caller.get());
                        Duration wait = call.timeout() instanceof Timeout.Finite finite ? finite.duration() : Duration.ZERO;
                        timeout.merge(callee.get(), wait, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                    }
                }
                case TraceEvent.Sent sent -> {
                    Optional<String> from = sent.from().path().filter(path -> worker(outline, path));
                    Optional<String> to = sent.to().path().filter(path -> worker(outline, path) && !path.equals(from.orElse(path)));
                    if (from.isPresent() && to.isPresent()) {
                        sends.computeIfAbsent(from.get(), f -> new LinkedHashSet<>()).add(to.get());
                    }
                }
                default -> { }
            }
        }
        return new Observed(run, starts, callers, timeout, sends);
    }

    /** Whether {@code a} and {@code b} sent each other anything (either way). */
    boolean talk(String a, String b) {
        return sends.getOrDefault(a, Set.of()).contains(b) || sends.getOrDefault(b, Set.of()).contains(a);
    }

    /** {@code path}'s first start, zero if it was never seen. */
    Duration start(String path) {
        return starts.getOrDefault(path, Duration.ZERO);
    }

    static boolean worker(TreeOutline outline, String path) {
        return outline.node(path).filter(node -> !node.supervisor()).isPresent();
    }
}
