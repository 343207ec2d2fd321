package dev.cascade.catalog;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FloodMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.trace.TraceEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.cascade.catalog.Probes.timed;

/** The probes of processes a tree's workers start themselves: bare spawns, and dynamic children. */
final class SpawnProbes {
    /** The burst each worker gets in the process-per-request probe. */
    static final int BURST = 500;

    private SpawnProbes() {}

    /** The tree's own traffic, watched for a process started by a worker, outside any supervisor, that crashes. */
    static List<Finding> unsupervisedProcess(ProbeTree tree) {
        CatalogRun run = Observed.of(tree).run();
        Map<Pid, String> starter = new HashMap<>();
        Map<Pid, String> paths = new HashMap<>();
        List<Finding> found = new ArrayList<>();
        for (TraceEvent event : run.spec().trace().events()) {
            switch (event) {
                case TraceEvent.Spawned spawned -> {
                    spawned.process().path().ifPresent(path -> paths.put(spawned.process().pid(), path));
                    spawned.parent().map(parent -> paths.getOrDefault(parent, starter.get(parent)))
                            .filter(by -> spawned.process().path().isEmpty())
                            .ifPresent(by -> starter.put(spawned.process().pid(), by));
                }
                case TraceEvent.Exited exited when exited.process().path().isEmpty() && starter.containsKey(exited.process().pid())
                        && !exited.reason().isNormalish() -> {
                    String by = starter.get(exited.process().pid());
                    found.add(new Finding(Catalog.UNSUPERVISED_PROCESS, by, "a process " + by + " started (" + exited.process()
                            + ") crashed " + (exited.atNanos() - run.spec().zeroNanos()) / 1_000_000 + " ms after the tree started ("
                            + exited.reason().describe() + "): no link, monitor or supervisor noticed, so its work is lost and nothing starts "
                            + "it again; start it as a child of a DynamicSupervisor (transient, so a crash is retried)"));
                }
                default -> { }
            }
            if (!found.isEmpty()) {
                break;
            }
        }
        return found;
    }

    /** A burst of {@value #BURST} messages at each worker: do the processes started for it live all at once, without bound? */
    static List<Finding> processPerRequest(ProbeTree tree) {
        List<Finding> found = new ArrayList<>();
        for (String path : Probes.workers(tree.outline())) {
            CatalogRun run = tree.run("probe-process-per-request", List.of(timed(0, Fault.flood(path, BURST, FloodMessage.NUMBERED))),
                    Duration.ofSeconds(1));
            Checks.Peak peak = Checks.peakStarted(run.spec());
            if (peak.count() > PerRequest.LIMIT) {
                found.add(new Finding(Catalog.PROCESS_PER_REQUEST, path, "a burst of " + BURST + " messages at " + path + " made the "
                        + "tree start " + peak.count() + " processes that lived at once (more than " + PerRequest.LIMIT + "): nothing "
                        + "bounds how many requests run together, so a burst becomes as many processes, each holding memory and a "
                        + "backend connection; start them under a DynamicSupervisor with maxChildren and turn the rest away"));
            }
        }
        return found;
    }
}
