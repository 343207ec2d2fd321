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
 * attempt completes. Each job fails its first attempt ("disk full").
 */
final class Unsupervised {
    private Unsupervised() {}

    record Job(int number) {}

    static Story[] stories() {
        return new Story[] {story("unsupervised-process-bad", false), story("unsupervised-process-fixed", true)};
    }

    private static Story story(String name, boolean supervised) {
        return new Story.Code(name, "dev.cascade.catalog.Unsupervised (jobs " + (supervised ? "under a DynamicSupervisor" : "spawned bare") + ")",
                scheduler -> run(name, supervised, scheduler));
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
            tree.cast("root/jobs", new Job(1));
            Waits.until(tree, "the job ran", () -> attempts.get() >= (supervised ? 2 : 1), Duration.ofSeconds(10));
            tree.runFor(Duration.ofMillis(100));
            return CatalogRun.of(name, tree, spec);
        }
    }

    /** Starts a process per job. */
    record Jobs(boolean supervised, AtomicInteger attempts) implements GenServer<Integer> {
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public Result<Integer> handleCast(Object message, Integer started) {
            if (message instanceof Job job) {
                ProcessContext ctx = ProcessContext.current();
                if (supervised) {
                    DynamicSupervisor.startChild(ctx, ServerRef.named("job_sup"),
                            ChildSpec.worker("job" + job.number(), () -> new JobRunner(attempts)).withRestart(Restart.TRANSIENT));
                } else {
                    ctx.spawn(child -> JobRunner.attempt(attempts));
                }
            }
            return Result.noReply(started + 1);
        }
    }

    /** A job: its first attempt crashes, a later one completes and stops normally. */
    record JobRunner(AtomicInteger attempts) implements GenServer<Integer> {
        static void attempt(AtomicInteger attempts) {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        }

        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0, Next.continueWith("run"));
        }

        @Override
        public Result<Integer> handleContinue(Object value, Integer state) {
            attempt(attempts);
            return Result.stop(new ExitReason.Normal(), state);
        }
    }
}
