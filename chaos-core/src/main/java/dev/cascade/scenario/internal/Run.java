package dev.cascade.scenario.internal;

import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Timeout;
import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFault;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.supervisor.Supervisor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** One run of a scenario: start the tree, apply the faults on time, settle, snapshot. */
public final class Run {
    private static final String ROOT = "root";

    private final Scenario scenario;
    private final Scheduler scheduler;
    private final List<String> paths;
    private final Recorder recorder;

    public Run(Scenario scenario, Scheduler scheduler) {
        this.scenario = scenario;
        this.scheduler = scheduler;
        this.paths = scenario.paths();
        Set<String> supervisors = paths.stream()
                .filter(path -> scenario.node(path).orElseThrow() instanceof SupervisorNode)
                .collect(Collectors.toSet());
        this.recorder = new Recorder(supervisors, scheduler::nanoTime);
    }

    public Outcome execute() {
        Recorder.Snapshot snapshot;
        try (Node node = Node.start(scheduler, recorder)) {
            snapshot = node.run(this::drive, realTimeLimit());
        }
        Map<String, Integer> finals = new LinkedHashMap<>();
        for (String path : paths) {
            finals.put(path, snapshot.live().get(path));
        }
        return new Outcome(scenario.name(), CanonicalOrder.apply(snapshot.events(), paths), finals);
    }

    /** On the real scheduler a run takes its faults' and settle's real time; a minute more is allowed for the rest. */
    private Duration realTimeLimit() {
        Duration last = scenario.faults().stream().map(ScenarioFault::at).max(Duration::compareTo).orElse(Duration.ZERO);
        return last.plus(scenario.settle()).plus(Node.RUN_LIMIT);
    }

    private Recorder.Snapshot drive(ProcessContext ctx) {
        ctx.trapExit(true);
        TreeSpecs specs = new TreeSpecs(recorder);
        StartResult root = specs.record(ROOT, Supervisor.startLink(ctx, specs.supervisor(scenario.tree(), ROOT)));
        long zero = ctx.nanoTime();
        if (!(root instanceof StartResult.Started started)) {
            return recorder.freeze(zero); // no faults are applied to a tree that did not start
        }
        Duration last = Duration.ZERO;
        for (ScenarioFault fault : scenario.faults()) {
            sleepUntil(ctx, zero, fault.at());
            apply(ctx, fault);
            last = fault.at();
        }
        sleepUntil(ctx, zero, last.plus(scenario.settle()));
        Recorder.Snapshot snapshot = recorder.freeze(zero);
        stopTree(ctx, started.pid());
        return snapshot;
    }

    private static void sleepUntil(ProcessContext ctx, long zero, Duration at) {
        long remaining = zero + at.toNanos() - ctx.nanoTime();
        if (remaining > 0) {
            ctx.sleep(Duration.ofNanos(remaining));
        }
    }

    private void apply(ProcessContext ctx, ScenarioFault fault) {
        Optional<Pid> target = recorder.livePid(fault.target());
        if (target.isEmpty()) {
            recorder.faultSkipped(fault.target());
            return;
        }
        switch (fault.kind()) {
            case RAISE -> ctx.send(target.get(), new FaultCommand.Raise(fault.reason()));
            case STOP -> ctx.send(target.get(), new FaultCommand.Stop(fault.reason()));
            case EXIT_SIGNAL -> signalFromOutside(ctx, target.get(), ExitReason.ofWord(fault.reason()));
        }
    }

    /** The signal comes from a process outside the tree, so it is nobody's parent (T2). */
    private static void signalFromOutside(ProcessContext ctx, Pid target, ExitReason reason) {
        Pid injector = ctx.spawn(injectorCtx -> injectorCtx.exit(target, reason));
        MonitorRef monitor = ctx.monitor(injector);
        ctx.receive(message -> message instanceof Down down && down.ref().equals(monitor), Timeout.INFINITY);
    }

    private static void stopTree(ProcessContext ctx, Pid root) {
        if (ctx.isAlive(root)) {
            ctx.exit(root, ExitReason.SHUTDOWN); // from its parent: it stops its children (T1)
            ctx.receive(message -> message instanceof ExitMessage exit && exit.from().equals(root), Timeout.INFINITY);
        }
    }
}
