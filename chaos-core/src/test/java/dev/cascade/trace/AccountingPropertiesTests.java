package dev.cascade.trace;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.Pid;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Strategy;
import dev.cascade.supervisor.SupervisorSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Message accounting over random trees and random fault plans: whatever the faults do, every message
 * sent to a process is handled, dropped, lost with it, or still queued, for each process and for the
 * whole run, both while the tree runs and after it was closed (when nothing is left queued). Over the
 * same runs, losses and restarts go back to their causes. Each try is one simulated run, deterministic
 * from its seed (printed with the tree and the plan when a try fails); the statistics check that the
 * tries really sent, dropped (for every reason) and lost messages, so the property is not satisfied
 * by a quiet tree.
 */
class AccountingPropertiesTests {
    /** How long each tree runs before it is looked at; faults fire in the first {@link #FAULTS_WITHIN}. */
    private static final Duration RUN = Duration.ofSeconds(4);
    private static final int FAULTS_WITHIN = 3_000;

    private static final List<String> ROOT_WORKERS = List.of("w1", "w2");
    private static final List<String> APP_WORKERS = List.of("a1", "a2", "a3");
    private static final List<String> NAMES = List.of("w1", "w2", "a1", "a2", "a3");
    /** Calls only go down this chain, so no two workers ever wait for each other. */
    private static final Map<String, String> CALLS = Map.of("w1", "w2", "w2", "a1", "a1", "a2", "a2", "a3");

    /** A random tree: root with w1, w2 and root/app, a nested supervisor with a1, a2, a3. */
    record TreeConfig(Strategy rootStrategy, int rootIntensity, Strategy appStrategy, int appIntensity, int periodSeconds,
                      List<Chatter.Config> workers) {
        SupervisorSpec spec() {
            Duration period = Duration.ofSeconds(periodSeconds);
            SupervisorSpec app = SupervisorSpec.oneForOne().withStrategy(appStrategy).withIntensity(appIntensity, period);
            SupervisorSpec root = SupervisorSpec.oneForOne().withStrategy(rootStrategy).withIntensity(rootIntensity, period);
            for (Chatter.Config worker : workers) {
                if (APP_WORKERS.contains(worker.name())) {
                    app = app.withChild(worker.child());
                }
            }
            for (Chatter.Config worker : workers) {
                if (ROOT_WORKERS.contains(worker.name())) {
                    root = root.withChild(worker.child());
                }
            }
            return root.withChild(ChildSpec.supervisor("app", app));
        }

        static String path(String name) {
            return APP_WORKERS.contains(name) ? "root/app/" + name : "root/" + name;
        }

        List<String> workerPaths() {
            return NAMES.stream().map(TreeConfig::path).toList();
        }

        /** Paths a breach can target: children of a supervisor that restarts them. */
        List<String> breachable() {
            List<String> paths = new ArrayList<>(List.of("root/app"));
            workers.stream().filter(w -> w.restart() != Restart.TEMPORARY).forEach(w -> paths.add(path(w.name())));
            return paths;
        }

        @Override
        public String toString() {
            return "root " + rootStrategy + " " + rootIntensity + "/" + periodSeconds + " s, app " + appStrategy + " "
                    + appIntensity + "/" + periodSeconds + " s, " + workers;
        }
    }

    /** A fault of the plan and when it fires, in ms after the plan is applied. */
    record Step(int atMillis, Fault fault) {
        @Override
        public String toString() {
            return atMillis + " ms: " + fault.describe();
        }
    }

    record Run(TreeConfig tree, List<Step> plan) {
        FaultPlan faultPlan() {
            FaultPlan.Builder builder = FaultPlan.builder();
            plan.forEach(step -> builder.at(Duration.ofMillis(step.atMillis()), step.fault()));
            return builder.build();
        }

        @Override
        public String toString() {
            return "tree: " + tree + "\nplan: " + plan;
        }
    }

    /** A flood's messages. */
    record Flooded(int n) {}

    /** What a run left: its trace after {@link #RUN}, and its whole trace once the tree was closed. */
    record Traces(Trace running, Trace closed) {}

    private static Traces execute(Run run, long seed) {
        try (ChaosTree tree = ChaosTree.builder(run.tree().spec()).scheduler(SimulatedScheduler.withSeed(seed)).start()) {
            tree.apply(run.faultPlan());
            tree.runFor(RUN);
            Trace running = tree.trace();
            return new Traces(running, closeAndTrace(tree));
        }
    }

    // A fixed sample: the coverage checks below are statistics of the 150 tries, and with a fresh seed each
    // run the share of tries that drop a message (about 62 %, since link faults no longer act on exit
    // signals) fell under its 50 % bound once in CI (49.3 %). The same seed draws the same plans every run.
    @Property(tries = 150, seed = "8660720155049339592")
    void everyMessageIsHandledDroppedLostOrQueued(@ForAll("runs") Run run, @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Traces traces = execute(run, seed);
        Trace running = traces.running();
        Trace closed = traces.closed();
        assertBalanced(running, "after " + RUN.toSeconds() + " s", run, seed);
        assertBalanced(closed, "after close", run, seed);
        assertThat(closed.accounting().queued()).as("messages still queued after close, seed %d\n%s", seed, run).isZero();

        Accounting all = closed.accounting();
        long workerTraffic = closed.accountingByPath().entrySet().stream()
                .filter(entry -> run.tree().workerPaths().contains(entry.getKey()))
                .mapToLong(entry -> entry.getValue().sent()).sum();

        Statistics.label("workers got messages").collect(workerTraffic > 0);
        Statistics.label("lost").collect(all.lost() > 0);
        Statistics.label("dropped").collect(all.dropped() > 0);
        Statistics.label("queued while running").collect(running.accounting().queued() > 0);
        Statistics.label("gave up").collect(!closed.events(TraceEvent.SupervisorGaveUp.class).isEmpty());
        Set<String> reasons = new TreeSet<>();
        closed.events(TraceEvent.MessageDropped.class).forEach(dropped -> reasons.add(dropped.reason().name()));
        reasons.forEach(reason -> Statistics.label("drop reason").collect(reason));

        Statistics.label("workers got messages").coverage(coverage -> coverage.check(true).percentage(p -> p >= 90));
        Statistics.label("lost").coverage(coverage -> coverage.check(true).percentage(p -> p >= 50));
        Statistics.label("dropped").coverage(coverage -> coverage.check(true).percentage(p -> p >= 50));
        Statistics.label("queued while running").coverage(coverage -> coverage.check(true).percentage(p -> p >= 20));
        Statistics.label("gave up").coverage(coverage -> coverage.check(true).percentage(p -> p >= 10));
        for (DropReason reason : List.of(DropReason.NO_PROCESS, DropReason.REJECTED_FULL, DropReason.DROPPED_NEWEST,
                DropReason.DROPPED_OLDEST, DropReason.FAULT, DropReason.LATE_REPLY)) {
            Statistics.label("drop reason").coverage(coverage -> coverage.check(reason.name()).count(n -> n > 0));
        }
    }

    /** Closes the tree (as its parent would) and returns the trace of the whole run. */
    private static Trace closeAndTrace(ChaosTree tree) {
        tree.close();
        return tree.trace();
    }

    private static void assertBalanced(Trace trace, String when, Run run, long seed) {
        Map<String, Accounting> unbalanced = new LinkedHashMap<>();
        Map<Pid, String> names = names(trace);
        trace.accountingByProcess().forEach((pid, accounting) -> {
            if (!accounting.balanced()) {
                unbalanced.put(names.getOrDefault(pid, pid.toString()), accounting);
            }
        });
        String context = when + ", seed " + seed + "\n" + run;
        assertThat(unbalanced).as("processes whose messages do not add up %s", context).isEmpty();
        assertThat(trace.accounting().balanced()).as("the whole run adds up %s: %s", context, trace.accounting()).isTrue();
    }

    /**
     * The links explanations rest on, over the same random runs: causes come first, a lost message is caused by the exit
     * of the process it was queued in, and a later incarnation's start goes back to a restart decision (directly, or
     * through a fault that slowed the start of its supervisor).
     */
    @Property(tries = 50)
    void everyLostMessageAndEveryRestartGoesBackToItsCause(@ForAll("runs") Run run,
                                                          @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Trace trace = execute(run, seed).closed();
        String context = "seed " + seed + "\n" + run;
        for (TraceEvent event : trace.events()) {
            event.cause().ifPresent(cause -> assertThat(cause).as("the cause of %s, %s", event, context).isBetween(1L, event.id() - 1));
        }
        for (TraceEvent.MessageLost lost : trace.events(TraceEvent.MessageLost.class)) {
            assertThat(trace.cause(lost)).as("the cause of %s, %s", lost, context).get()
                    .isInstanceOfSatisfying(TraceEvent.Exited.class,
                            exit -> assertThat(exit.process().pid()).isEqualTo(lost.in().pid()));
        }
        for (TraceEvent.Started started : trace.events(TraceEvent.Started.class)) {
            if (started.process().number() > 1) {
                assertThat(trace.chain(started)).as("the causes of %s, %s", started, context)
                        .anySatisfy(step -> assertThat(step).isInstanceOf(TraceEvent.RestartDecided.class));
            }
        }
    }

    private static Map<Pid, String> names(Trace trace) {
        Map<Pid, String> names = new LinkedHashMap<>();
        for (TraceEvent event : trace.events()) {
            for (ProcessId process : Trace.processes(event)) {
                process.path().ifPresent(path -> names.put(process.pid(), path + " " + process.pid()));
            }
        }
        return names;
    }

    // ---- generators --------------------------------------------------------------------------

    @Provide
    Arbitrary<Run> runs() {
        return trees().flatMap(tree -> plans(tree).map(plan -> new Run(tree, plan)));
    }

    private Arbitrary<TreeConfig> trees() {
        Arbitrary<Strategy> strategies = Arbitraries.of(Strategy.class);
        Arbitrary<Integer> intensities = Arbitraries.integers().between(1, 5);
        Arbitrary<List<Chatter.Config>> workers = Combinators.combine(NAMES.stream().map(this::worker).toList())
                .as(List::copyOf);
        return Combinators.combine(strategies, intensities, strategies, intensities, Arbitraries.integers().between(1, 5),
                workers).as(TreeConfig::new);
    }

    private Arbitrary<Chatter.Config> worker(String name) {
        Arbitrary<Duration> every = Arbitraries.integers().between(10, 200).map(Duration::ofMillis);
        Arbitrary<Duration> work = Arbitraries.integers().between(0, 40).map(Duration::ofMillis);
        Arbitrary<List<String>> castTo = Arbitraries.of(NAMES.stream().filter(other -> !other.equals(name)).toList())
                .list().ofMaxSize(3).uniqueElements();
        Arbitrary<Duration> callTimeout = Arbitraries.integers().between(20, 300).map(Duration::ofMillis);
        Arbitrary<MailboxLimit> mailbox = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(MailboxLimit.UNBOUNDED)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.integers().between(1, 12),
                        Arbitraries.of(MailboxLimit.Overflow.class)).as(MailboxLimit::of)));
        Arbitrary<Restart> restart = Arbitraries.frequency(net.jqwik.api.Tuple.of(4, Restart.PERMANENT),
                net.jqwik.api.Tuple.of(2, Restart.TRANSIENT), net.jqwik.api.Tuple.of(1, Restart.TEMPORARY));
        return Combinators.combine(every, work, castTo, callTimeout, mailbox, restart)
                .as((tick, busy, casts, timeout, limit, restartType) -> new Chatter.Config(name, tick, busy, casts, CALLS.get(name),
                        timeout, limit, restartType));
    }

    private Arbitrary<List<Step>> plans(TreeConfig tree) {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, FAULTS_WITHIN), faults(tree)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(8);
    }

    private Arbitrary<Fault> faults(TreeConfig tree) {
        List<String> workers = tree.workerPaths();
        List<String> children = new ArrayList<>(workers);
        children.add("root/app");
        Arbitrary<String> worker = Arbitraries.of(workers);
        Arbitrary<String> child = Arbitraries.of(children);
        Arbitrary<Duration> shortWhile = Arbitraries.integers().between(5, 400).map(Duration::ofMillis);
        Arbitrary<Duration> window = Arbitraries.integers().between(50, 1_500).map(Duration::ofMillis);
        Arbitrary<ExitReason> reason = Arbitraries.of(ExitReason.NORMAL, ExitReason.SHUTDOWN, ExitReason.custom("bad"));
        Arbitrary<int[]> attempts = Arbitraries.integers().between(1, 4).set().ofMinSize(1).ofMaxSize(3)
                .map(set -> set.stream().mapToInt(Integer::intValue).toArray());
        Arbitrary<String[]> link = Combinators.combine(worker, worker).as((from, to) -> new String[] {from, to})
                .filter(pair -> !pair[0].equals(pair[1]));

        List<Arbitrary<? extends Fault>> kinds = List.of(
                worker.map(path -> Fault.raise(path, "boom")),
                Combinators.combine(worker, reason).as(Fault::stop),
                Combinators.combine(child, reason).as(Fault::exitSignal),
                child.map(Fault::kill),
                Combinators.combine(worker, shortWhile, Arbitraries.integers().between(0, 20))
                        .as((path, delay, messages) -> messages == 0 ? Fault.slowHandling(path, delay)
                                : Fault.slowHandling(path, delay).forMessages(messages)),
                Combinators.combine(child, shortWhile, attempts).as(Fault::slowStart),
                Combinators.combine(child, attempts).as(Fault::failingStart),
                Combinators.combine(worker, Arbitraries.integers().between(1, 300), Arbitraries.integers().between(0, 20))
                        .as((path, count, every) -> every == 0 ? Fault.flood(path, count, Flooded::new)
                                : Fault.flood(path, count, Flooded::new).atRate(Duration.ofMillis(every))),
                Combinators.combine(link, window).as((pair, w) -> Fault.drop(pair[0], pair[1], w)),
                Combinators.combine(link, shortWhile, window).as((pair, d, w) -> Fault.delay(pair[0], pair[1], d, w)),
                Combinators.combine(link, window).as((pair, w) -> Fault.duplicate(pair[0], pair[1], w)),
                Combinators.combine(link, window).as((pair, w) -> Fault.reorder(pair[0], pair[1], w)),
                Arbitraries.of(tree.breachable()).map(Fault::breachIntensity),
                Combinators.combine(worker, Arbitraries.of(workers).injectNull(0.5), Arbitraries.integers().between(1, 3))
                        .as(Fault.SlowerThanCallTimeout::new));
        return Arbitraries.oneOf(kinds);
    }
}
