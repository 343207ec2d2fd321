package dev.cascade.catalog;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Next;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Scheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;

/**
 * The one-for-one-dependent entry in Java: a stale partner is a pid held in a process's state, which
 * a scenario file's worker never holds (its sends look the receiver up by path each time). {@code api}
 * looks {@code db} up once, in its init, keeps the pid and writes to it every 50 ms. The bad tree is
 * {@code one_for_one}: when {@code db} crashes and is restarted alone, {@code api} goes on writing to
 * the dead pid, and every write is dropped. The fixed tree is {@code rest_for_one} with {@code db}
 * first: a crash of {@code db} restarts {@code api} after it, and the new {@code api} looks up the
 * new {@code db}.
 */
final class Dependent {
    /** How often api writes to db. */
    static final Duration EVERY = Duration.ofMillis(50);

    private Dependent() {}

    /** One write. */
    record Write(long number) {}

    static Story[] stories() {
        return new Story[] {story("one-for-one-dependent-bad", false), story("one-for-one-dependent-fixed", true)};
    }

    static SupervisorSpec tree(boolean restForOne) {
        SupervisorSpec strategy = restForOne ? SupervisorSpec.restForOne() : SupervisorSpec.oneForOne();
        return strategy.withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("db", ctx -> GenServer.startLink(ctx, new Db(), StartOptions.named("db"))))
                .withChild(ChildSpec.worker("api", Api::new));
    }

    private static Story story(String name, boolean restForOne) {
        return new Story.Code(name, "dev.cascade.catalog.Dependent (" + (restForOne ? "rest_for_one" : "one_for_one")
                + ": api keeps db's pid from its init)", tree(restForOne), scheduler -> run(name, tree(restForOne), scheduler));
    }

    private static CatalogRun run(String name, SupervisorSpec spec, Scheduler scheduler) {
        try (ChaosTree tree = ChaosTree.builder(spec).scheduler(scheduler).start()) {
            tree.runFor(Duration.ofMillis(100));
            tree.inject(Fault.raise("root/db", "connection_lost"));
            Waits.until(tree, "root/db is back", () -> tree.incarnations("root/db") >= 2, Duration.ofSeconds(10));
            tree.runFor(Duration.ofMillis(500));
            return CatalogRun.of(name, tree, spec);
        }
    }

    /** The database connection: takes writes. */
    static final class Db implements GenServer<Long> {
        public InitResult<Long> init(ProcessContext ctx) {
            return InitResult.ok(0L);
        }

        @Override
        public Result<Long> handleCast(Object message, Long written) {
            return Result.noReply(written + 1);
        }
    }

    /** Looks db up once, at its start, and writes to that pid every 50 ms for as long as it lives. */
    static final class Api implements GenServer<Pid> {
        private long sent;

        public InitResult<Pid> init(ProcessContext ctx) {
            Pid db = ctx.whereis("db").orElseThrow(() -> new IllegalStateException("db is not running: start it before api"));
            return InitResult.ok(db, Next.timeout(EVERY));
        }

        @Override
        public Result<Pid> handleInfo(Object message, Pid db) {
            if (message == GenServer.TIMEOUT) {
                GenServer.cast(ProcessContext.current(), db, new Write(++sent));
            }
            return Result.noReply(db, Next.timeout(EVERY));
        }
    }
}
