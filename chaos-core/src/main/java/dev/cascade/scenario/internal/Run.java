package dev.cascade.scenario.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.LedgerEntry;
import dev.cascade.chaos.internal.Engine;
import dev.cascade.chaos.internal.TreeShape;
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
import dev.cascade.runtime.Tracing;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.scenario.FaultOutcome;
import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.Scenario;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.supervisor.NestedSupervisor;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.supervisor.internal.ChildStarts;
import dev.cascade.trace.Accounting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One run of a scenario, traced: start the tree, apply the faults on time through the chaos
 * {@link Engine} (from a process outside the tree, so it is nobody's parent), settle, then take
 * the events, the fault ledger and the message accounting before the tree is stopped. Not API.
 */
public final class Run {
    /** The plan process fired its last fault. */
    private record PlanDone() {}

    /** What the runner process hands back. */
    private record Result(Recorder.Snapshot snapshot, List<FaultOutcome> ledger, Map<String, Accounting> messages) {}

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

    /**
     * Runs the scenario and returns its outcome.
     *
     */
    public Outcome execute() {
        Result result;
        try (Node node = Node.start(scheduler, recorder, Tracing.ON)) {
            result = node.run(this::drive, realTimeLimit());
        }
        Map<String, Integer> finals = new LinkedHashMap<>();
        for (String path : paths) {
            finals.put(path, result.snapshot().live().get(path));
        }
        return new Outcome(scenario.name(), CanonicalOrder.apply(result.snapshot().events(), paths), finals,
                result.ledger(), result.messages());
    }

    /** On the real scheduler a run takes its faults' and settle's real time; a minute more is allowed for the rest. */
    private Duration realTimeLimit() {
        return lastFault().plus(scenario.settle()).plus(Node.RUN_LIMIT);
    }

    private Duration lastFault() {
        return scenario.faults().stream().map(FaultPlan.Timed::at).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private Result drive(ProcessContext ctx) {
        ctx.trapExit(true);
        Kernel kernel = ProcessCell.of(ctx).kernel();
        recorder.bind(kernel);
        String root = scenario.tree().id();
        SupervisorSpec spec = TreeSpecs.supervisor(scenario.tree());
        StartResult started = ChildStarts.startAt(ctx, root, new NestedSupervisor(spec));
        recorder.record(root, started);
        long zero = ctx.nanoTime();
        if (!(started instanceof StartResult.Started tree)) { // no faults are applied to a tree that did not start
            awaitTreeGone(ctx);
            return new Result(recorder.freeze(zero), Sections.allSkipped(scenario, "the tree did not start; no fault is applied"),
                    Sections.messages(paths, kernel.trace()));
        }
        Engine engine = new Engine(kernel, new TreeShape(root, spec), zero);
        List<Fault> faults = scenario.faults().stream().map(FaultPlan.Timed::fault).toList();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            numbers.add(engine.plan(scenario.faults().get(i).at(), faults.get(i)));
        }
        if (!faults.isEmpty()) {
            awaitPlan(ctx, ctx.spawn(plan -> firePlan(plan, engine, faults, numbers, zero, ctx.self())));
        }
        sleepUntil(ctx, zero, lastFault().plus(scenario.settle()));
        Recorder.Snapshot snapshot = recorder.freeze(zero);
        Map<String, Accounting> messages = Sections.messages(paths, kernel.trace());
        engine.finish(Engine.RUN_ENDED);
        List<FaultOutcome> ledger = Sections.ledger(scenario, engine.ledger());
        stopTree(ctx, tree.pid());
        return new Result(snapshot, ledger, messages);
    }

    /**
     * The plan process: fires each fault at its time, in time order (equal times in file order); a
     * fault that acts at once and found no live target is a {@code fault_skipped} event.
     */
    private void firePlan(ProcessContext plan, Engine engine, List<Fault> faults, List<Integer> numbers, long zero, Pid runner) {
        List<Integer> order = IntStream.range(0, faults.size()).boxed()
                .sorted(Comparator.comparing(i -> scenario.faults().get(i).at())).toList(); // stable: file order kept
        for (int i : order) {
            FaultPlan.Timed fault = scenario.faults().get(i);
            sleepUntil(plan, zero, fault.at());
            engine.fire(plan, numbers.get(i), faults.get(i));
            if (actsAtOnce(fault.fault()) && engine.ledger().entry(numbers.get(i)).status() == LedgerEntry.Status.SKIPPED) {
                recorder.faultSkipped(fault.fault().target());
            }
        }
        plan.send(runner, new PlanDone());
    }

    /**
     * Whether {@code fault} acts at once on the process holding its target, so that a target with no
     * live process gives a {@code fault_skipped} event; the others arm a rule that waits for messages,
     * starts or calls, and what became of them is in the ledger.
     */
    static boolean actsAtOnce(Fault fault) {
        return fault instanceof Fault.Raise || fault instanceof Fault.Stop || fault instanceof Fault.ExitSignal
                || fault instanceof Fault.Kill || fault instanceof Fault.Flood;
    }

    private static void awaitPlan(ProcessContext ctx, Pid plan) {
        MonitorRef watch = ctx.monitor(plan);
        Object done = ctx.receive(message -> message instanceof PlanDone
                || message instanceof Down down && down.ref().equals(watch), Timeout.INFINITY).orElseThrow();
        if (done instanceof Down down) {
            throw new IllegalStateException("the fault plan stopped before its last fault: " + down.reason().describe());
        }
        ctx.demonitor(watch, true);
    }

    /**
     * Waits until every process of a tree that failed to start has ended: a supervisor killed in the
     * clean-up (brutal_kill) leaves descendants that are still ending when the root's start returns,
     * and the format lists their exits (in the canonical order) and a final state of all null.
     */
    private void awaitTreeGone(ProcessContext ctx) {
        Set<Pid> awaited = new HashSet<>();
        boolean more = true;
        while (more) {
            more = false;
            for (Pid pid : recorder.alive()) {
                if (awaited.add(pid)) { // each once: a DOWN means it ended, recorded or not
                    MonitorRef ref = ctx.monitor(pid);
                    ctx.receive(message -> message instanceof Down down && down.ref().equals(ref), Timeout.INFINITY);
                    more = true;
                }
            }
        }
    }

    private static void sleepUntil(ProcessContext ctx, long zero, Duration at) {
        long remaining = zero + at.toNanos() - ctx.nanoTime();
        if (remaining > 0) {
            ctx.sleep(Duration.ofNanos(remaining));
        }
    }

    private static void stopTree(ProcessContext ctx, Pid root) {
        if (ctx.isAlive(root)) {
            ctx.exit(root, ExitReason.SHUTDOWN); // from its parent: it stops its children (T1)
            ctx.receive(message -> message instanceof ExitMessage exit && exit.from().equals(root), Timeout.INFINITY);
        }
    }
}
