package dev.cascade.catalog;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.dynamic.DynamicSupervisor;
import dev.cascade.dynamic.DynamicSupervisorSpec;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Next;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.ServerRef;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The unsupervised-process entry in Java (a process started from a handler is user code): {@code jobs}
 * runs each job in a process of its own. The bad one spawns it bare — no link, no monitor, no
 * supervisor — so the job's crash goes unnoticed and the job is lost; the fixed one starts it as a
 * transient child of the {@code job_sup} DynamicSupervisor, which restarts it, and the job's second
 * attempt completes. Each job fails its first attempt ("disk full"). {@code jobs} starts its one job
 * 100 ms after it starts, so the tree drives itself and a probe sees the crash in its own traffic.
 */
final class Unsupervised {
    private Unsupervised() {}

    record Job(int number) {}

    static Story[] stories() {
        return new Story[] {story("unsupervised-process-bad", false), story("unsupervised-process-fixed", true)};
    }

    private static Story story(String name, boolean supervised) {
        return new Story.Code(name, "dev.cascade.catalog.Unsupervised (jobs " + (supervised ? "under a DynamicSupervisor" : "spawned bare") + ")",
                tree(supervised, new AtomicInteger()), scheduler -> run(name, supervised, scheduler));
    }

    static SupervisorSpec tree(boolean supervised, AtomicInteger attempts) {
        SupervisorSpec spec = SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("jobs", () -> new Jobs(supervised, attempts)));
        return supervised ? spec.withChild(ChildSpec.dynamicSupervisor("job_sup", DynamicSupervisorSpec.DEFAULT, "job_sup")) : spec;
    }

    private static CatalogRun run(String name, boolean supervised, Scheduler scheduler) {
        AtomicInteger attempts = new AtomicInteger();
        SupervisorSpec spec = tree(supervised, attempts);
        try (ChaosTree tree = ChaosTree.builder(spec).scheduler(scheduler).start()) {
            Waits.until(tree, "the job ran", () -> attempts.get() >= (supervised ? 2 : 1), Duration.ofSeconds(10));
            tree.runFor(Duration.ofMillis(100));
            return CatalogRun.of(name, tree, spec);
        }
    }

    /** Starts a process per job: one job, 100 ms after it starts. */
    record Jobs(boolean supervised, AtomicInteger attempts) implements GenServer<Integer> {
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0, Next.timeout(Duration.ofMillis(100)));
        }

        @Override
        public Result<Integer> handleInfo(Object message, Integer started) {
            if (message == GenServer.TIMEOUT && started == 0) {
                Job job = new Job(1);
                AtomicInteger tries = new AtomicInteger(); // this job's attempts
                ProcessContext ctx = ProcessContext.current();
                if (supervised) {
                    DynamicSupervisor.startChild(ctx, ServerRef.named("job_sup"),
                            ChildSpec.worker("job" + job.number(), () -> new JobRunner(tries, attempts)).withRestart(Restart.TRANSIENT));
                } else {
                    ctx.spawn(child -> JobRunner.attempt(tries, attempts));
                }
            }
            return Result.noReply(started + 1);
        }
    }

    /** A job: its first attempt crashes, a later one completes and stops normally; {@code attempts} counts every job's. */
    record JobRunner(AtomicInteger tries, AtomicInteger attempts) implements GenServer<Integer> {
        static void attempt(AtomicInteger tries, AtomicInteger attempts) {
            attempts.incrementAndGet();
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        }

        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0, Next.continueWith("run"));
        }

        @Override
        public Result<Integer> handleContinue(Object value, Integer state) {
            attempt(tries, attempts);
            return Result.stop(new ExitReason.Normal(), state);
        }
    }
}
