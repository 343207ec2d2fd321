package dev.cascade.benchmarks;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.LedgerEntry;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.MailboxFullException;
import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.Tracing;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Accounting;
import dev.cascade.trace.Trace;

import java.time.Duration;
import java.util.List;

/**
 * The chaos-tree workload of {@link TracingOverheadBenchmark}: a root over two workers and a nested
 * supervisor {@code root/app} over three, every worker ticking every 10 ms and casting to two others,
 * and calling the next one (calls only go one way, so no two wait for each other); a fault plan of
 * floods, slow handling, link faults, crashes, kills (one of a worker with a long queue) and an intensity breach; 5 s of virtual time,
 * then the tree is closed. The same run with tracing off and on.
 */
final class TracingWorkload {
    /** How long each run lasts, in virtual time. */
    static final Duration LENGTH = Duration.ofSeconds(5);

    private TracingWorkload() {}

    /** Time to talk. */
    record Tick() {}

    /** A cast between workers. */
    record Note(int n) {}

    /** A call between workers. */
    record Query(int n) {}

    /** A flood's message. */
    record Flooded(int n) {}

    /** A worker that ticks, casts to {@code castTo} and calls {@code callTo} on each tick. */
    static final class Worker implements GenServer<Integer> {
        private final List<String> castTo;
        private final String callTo;
        private ProcessContext ctx;

        Worker(List<String> castTo, String callTo) {
            this.castTo = castTo;
            this.callTo = callTo;
        }

        @Override
        public InitResult<Integer> init(ProcessContext ctx) {
            this.ctx = ctx;
            Pid self = ctx.self();
            ctx.spawnLink(ticker -> {
                while (ticker.isAlive(self)) {
                    ticker.sleep(Duration.ofMillis(10));
                    try {
                        ticker.send(self, new Tick());
                    } catch (MailboxFullException full) {
                        // dropped, and traced as such
                    }
                }
            });
            return InitResult.ok(0);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer n) {
            return CallResult.reply(request, n + 1);
        }

        @Override
        public Result<Integer> handleCast(Object message, Integer n) {
            return Result.noReply(n + 1);
        }

        @Override
        public Result<Integer> handleInfo(Object message, Integer n) {
            if (message instanceof Tick) {
                for (String peer : castTo) {
                    try {
                        GenServer.cast(ctx, ServerRef.named(peer), new Note(n));
                    } catch (MailboxFullException full) {
                        // a full, rejecting peer: carry on
                    }
                }
                if (callTo != null) {
                    try {
                        GenServer.call(ctx, ServerRef.named(callTo), new Query(n), Timeout.ofMillis(50));
                    } catch (CallFailedException failed) {
                        // timeout, noproc or mailbox_full: carry on
                    }
                }
            }
            return Result.noReply(n + 1);
        }
    }

    private static ChildSpec worker(String name, MailboxLimit mailbox, String callTo, String... castTo) {
        StartOptions options = StartOptions.named(name).withMailbox(mailbox);
        return ChildSpec.worker(name, ctx -> GenServer.startLink(ctx, new Worker(List.of(castTo), callTo), options));
    }

    static SupervisorSpec tree() {
        SupervisorSpec app = SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(worker("a1", MailboxLimit.UNBOUNDED, "a2", "a3", "w1"))
                .withChild(worker("a2", MailboxLimit.of(20, MailboxLimit.Overflow.DROP_OLDEST), "a3", "a1", "w2"))
                .withChild(worker("a3", MailboxLimit.of(20, MailboxLimit.Overflow.DROP_NEWEST), null, "a1", "a2"));
        return SupervisorSpec.oneForOne().withIntensity(10, Duration.ofSeconds(5))
                .withChild(worker("w1", MailboxLimit.UNBOUNDED, "w2", "w2", "a1"))
                .withChild(worker("w2", MailboxLimit.of(50, MailboxLimit.Overflow.REJECT_TO_SENDER), "a1", "w1", "a2"))
                .withChild(ChildSpec.supervisor("app", app));
    }

    static FaultPlan plan() {
        return FaultPlan.builder()
                .at(Duration.ofMillis(200), Fault.slowHandling("root/w1", Duration.ofMillis(2)).forMessages(400))
                .at(Duration.ofMillis(200), Fault.flood("root/w1", 500, Flooded::new))
                .at(Duration.ofMillis(600), Fault.kill("root/w1"))
                .at(Duration.ofMillis(300), Fault.slowHandling("root/app/a2", Duration.ofMillis(5)).forMessages(100))
                .at(Duration.ofMillis(500), Fault.delay("root/w1", "root/w2", Duration.ofMillis(30), Duration.ofMillis(500)))
                .at(Duration.ofMillis(800), Fault.duplicate("root/app/a1", "root/app/a2", Duration.ofMillis(500)))
                .at(Duration.ofMillis(1_000), Fault.raise("root/w2", "boom"))
                .at(Duration.ofMillis(1_500), Fault.flood("root/app/a3", 200, Flooded::new).atRate(Duration.ofMillis(2)))
                .at(Duration.ofMillis(2_000), Fault.kill("root/app/a1"))
                .at(Duration.ofMillis(2_500), Fault.drop("root/app/a2", "root/app/a3", Duration.ofMillis(400)))
                .at(Duration.ofMillis(3_000), Fault.breachIntensity("root/app/a3"))
                .at(Duration.ofMillis(3_500), Fault.reorder("root/w2", "root/w1", Duration.ofMillis(300)))
                .at(Duration.ofMillis(4_000), Fault.slowerThanCallTimeout("root/app/a2", "root/app/a1"))
                .build();
    }

    /** One run on a fresh simulation with {@code seed}, from start to close; the closed tree. */
    static ChaosTree run(long seed, Tracing tracing) {
        ChaosTree tree = ChaosTree.builder(tree()).scheduler(Simulations.executor(seed)).tracing(tracing).start();
        tree.apply(plan());
        tree.runFor(LENGTH);
        tree.close();
        return tree;
    }

    /**
     * Checks once, traced, that the workload does what it is meant to: every fault fired, messages
     * flowed, some were dropped and some lost, and every one is accounted for.
     */
    static void requireItWorks() {
        ChaosTree tree = run(0, Tracing.ON);
        Trace trace = tree.trace();
        Accounting all = trace.accounting();
        List<LedgerEntry> notFired = tree.ledger().entries().stream()
                .filter(entry -> entry.status() != LedgerEntry.Status.FIRED).toList();
        if (!notFired.isEmpty() || all.sent() < 10_000 || all.dropped() == 0 || all.lost() == 0 || !all.balanced()) {
            throw new IllegalStateException("the tracing workload did not run as designed: " + all + ", events "
                    + trace.events().size() + ", faults not fired: " + notFired);
        }
    }
}
