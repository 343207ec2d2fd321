package dev.cascade.registry;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartOptions;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Elixir's Registry with unique keys and {@code :via} naming, otp-semantics 4.3 (and G1, G3, G21, G23). */
@ExtendWith(TestScheduler.Verify.class)
class RegistryTests {
    private static final Timeout PATIENCE = Timeout.of(Duration.ofSeconds(5));
    private static final String REGISTRY = "sessions";

    @Nested
    class Registering {

        @Test
        void register_then_lookup_finds_the_calling_process() {
            run(ctx -> {
                Registry.startLink(ctx, REGISTRY);

                assertThat(Registry.register(ctx, REGISTRY, "alice")).isEqualTo(new RegisterResult.Registered());
                assertThat(Registry.lookup(ctx, REGISTRY, "alice")).contains(ctx.self());
                assertThat(Registry.lookup(ctx, REGISTRY, "bob")).isEmpty();
            });
        }

        @Test
        void a_key_held_by_a_live_process_gives_already_registered_with_the_holder() {
            run(ctx -> {
                Registry.startLink(ctx, REGISTRY);
                Pid holder = spawnHolding(ctx, "alice");

                assertThat(Registry.register(ctx, REGISTRY, "alice")).isEqualTo(new RegisterResult.AlreadyRegistered(holder));
                Registry.register(ctx, REGISTRY, "bob");
                assertThat(Registry.register(ctx, REGISTRY, "bob")).isEqualTo(new RegisterResult.AlreadyRegistered(ctx.self()));
                assertThat(Registry.lookup(ctx, REGISTRY, "alice")).contains(holder);
            });
        }

        @Test
        void a_dead_holder_not_yet_cleaned_up_is_replaced() {
            run(ctx -> {
                Pid registry = Registry.startLink(ctx, REGISTRY).pid();
                Pid test = ctx.self();
                Pid stale = ctx.spawn(p -> {
                    Registry.register(p, REGISTRY, "alice");
                    p.unlink(registry); // the registry never hears of its death: its entry stays
                    p.send(test, "registered");
                });
                awaitMessage(ctx, "registered"::equals);
                awaitDeath(ctx, stale);

                assertThat(Registry.count(ctx, REGISTRY)).as("the stale entry is still there").isEqualTo(1);
                assertThat(Registry.lookup(ctx, REGISTRY, "alice")).as("lookup checks liveness").isEmpty();
                assertThat(Registry.register(ctx, REGISTRY, "alice")).isEqualTo(new RegisterResult.Registered());
                assertThat(Registry.lookup(ctx, REGISTRY, "alice")).contains(ctx.self());
            });
        }

        @Test
        void entries_are_removed_when_their_process_dies() {
            run(ctx -> {
                Registry.startLink(ctx, REGISTRY);
                Pid holder = spawnHolding(ctx, "alice");
                MonitorRef monitor = ctx.monitor(holder);

                ctx.send(holder, "die");
                awaitMessage(ctx, m -> m instanceof Down down && down.ref().equals(monitor));

                assertThat(Registry.lookup(ctx, REGISTRY, "alice")).isEmpty();
                // the registry removes the entry when the holder's 'EXIT' reaches it: asynchronously
                TestScheduler.eventually(ctx, "the registry to remove the dead holder's entry",
                        () -> Registry.count(ctx, REGISTRY) == 0);
            });
        }

        @Test
        void registrants_are_linked_to_the_registry_until_they_unregister() {
            run(ctx -> {
                Pid registry = Registry.start(ctx, REGISTRY).pid();
                Pid linked = spawnHolding(ctx, "alice");
                Pid test = ctx.self();
                Pid unregistered = ctx.spawn(p -> {
                    Registry.register(p, REGISTRY, "bob");
                    Registry.unregister(p, REGISTRY, "bob");
                    p.send(test, "unregistered");
                    p.receive(PATIENCE);
                });
                awaitMessage(ctx, "unregistered"::equals);
                assertThat(Registry.lookup(ctx, REGISTRY, "bob")).isEmpty();
                assertThat(Registry.count(ctx, REGISTRY)).isEqualTo(1);
                MonitorRef linkedMonitor = ctx.monitor(linked);
                MonitorRef registryMonitor = ctx.monitor(registry);

                ctx.exit(registry, ExitReason.KILL);

                awaitMessage(ctx, m -> m instanceof Down down && down.ref().equals(registryMonitor));
                assertThat(((Down) awaitMessage(ctx, m -> m instanceof Down down && down.ref().equals(linkedMonitor))).reason())
                        .isEqualTo(ExitReason.KILLED);
                assertThat(ctx.isAlive(unregistered)).isTrue();
            });
        }

        @Test
        void a_registry_that_is_not_running_is_rejected_with_the_remedy() {
            run(ctx -> {
                assertThatThrownBy(() -> Registry.register(ctx, "nowhere", "alice"))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("unknown registry \"nowhere\": no registry of that name is running on this node; "
                                + "start it first with Registry.start(ctx, \"nowhere\") or Registry.startLink");
                Pid registry = Registry.start(ctx, REGISTRY).pid();
                MonitorRef monitor = ctx.monitor(registry);
                ctx.exit(registry, ExitReason.KILL);
                awaitMessage(ctx, m -> m instanceof Down down && down.ref().equals(monitor));

                assertThatThrownBy(() -> Registry.lookup(ctx, REGISTRY, "alice"))
                        .hasMessageStartingWith("unknown registry \"sessions\"");
            });
        }

        @Test
        void starting_a_registry_under_a_taken_name_fails_with_already_started() {
            run(ctx -> {
                Pid first = Registry.startLink(ctx, REGISTRY).pid();

                assertThat(Registry.startLink(ctx, REGISTRY))
                        .isEqualTo(new StartResult.Failed(ExitReason.custom(new StartResult.AlreadyStarted(first))));
            });
        }
    }

    @Nested
    class ViaNames {

        @Test
        void via_name_resolves_calls_and_unknown_key_gives_noproc() {
            run(ctx -> {
                Registry.startLink(ctx, REGISTRY);
                Pid counter = GenServer.startLink(ctx, new Counter(), StartOptions.via(REGISTRY, "alice")).pid();

                GenServer.cast(ctx, ServerRef.via(REGISTRY, "alice"), "increment");
                ctx.send(ServerRef.via(REGISTRY, "alice"), "increment");

                assertThat(GenServer.call(ctx, ServerRef.via(REGISTRY, "alice"), "get")).isEqualTo(2);
                assertThat(Registry.lookup(ctx, REGISTRY, "alice")).contains(counter);
                assertThatThrownBy(() -> GenServer.call(ctx, ServerRef.via(REGISTRY, "bob"), "get"))
                        .isInstanceOfSatisfying(CallFailedException.class,
                                failed -> assertThat(failed.cause()).isEqualTo(ExitReason.NOPROC));
                assertThatThrownBy(() -> GenServer.call(ctx, ServerRef.via("nowhere", "alice"), "get"))
                        .isInstanceOfSatisfying(CallFailedException.class,
                                failed -> assertThat(failed.cause()).isEqualTo(ExitReason.NOPROC));
            });
        }

        @Test
        void cast_to_an_unknown_via_name_is_dropped_and_send_is_badarg() {
            run(ctx -> {
                Registry.startLink(ctx, REGISTRY);

                GenServer.cast(ctx, ServerRef.via(REGISTRY, "bob"), "increment"); // G23: no error

                assertThatThrownBy(() -> ctx.send(ServerRef.via(REGISTRY, "bob"), "hello"))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("badarg: no live process is registered under key bob in registry \"sessions\"");
            });
        }

        @Test
        void a_taken_via_name_makes_the_start_fail_with_already_started() {
            run(ctx -> {
                Registry.startLink(ctx, REGISTRY);
                Pid first = GenServer.startLink(ctx, new Counter(), StartOptions.via(REGISTRY, "alice")).pid();

                assertThat(GenServer.startLink(ctx, new Counter(), StartOptions.via(REGISTRY, "alice")))
                        .isEqualTo(new StartResult.Failed(ExitReason.custom(new StartResult.AlreadyStarted(first))));
                Registry.register(ctx, REGISTRY, "bob");
                assertThat(GenServer.startLink(ctx, new Counter(), StartOptions.via(REGISTRY, "bob")))
                        .isEqualTo(new StartResult.Failed(ExitReason.custom(new StartResult.AlreadyStarted(ctx.self()))));
            });
        }

        @Test
        void a_via_name_is_released_before_a_failed_init_returns() {
            run(ctx -> {
                Registry.startLink(ctx, REGISTRY);

                StartResult failed = GenServer.start(ctx, new Refusing(), StartOptions.via(REGISTRY, "alice"));

                assertThat(failed).isEqualTo(new StartResult.Failed(ExitReason.custom("refused")));
                assertThat(Registry.count(ctx, REGISTRY)).as("unregistered before the starter learns the result (G3)").isZero();
                assertThat(GenServer.startLink(ctx, new Counter(), StartOptions.via(REGISTRY, "alice")))
                        .isInstanceOf(StartResult.Started.class);
            });
        }

        @Test
        void a_via_name_of_a_dead_server_resolves_to_noproc_at_once() {
            run(ctx -> {
                Registry.startLink(ctx, REGISTRY);
                Pid counter = GenServer.start(ctx, new Counter(), StartOptions.via(REGISTRY, "alice")).pid();

                GenServer.stop(ctx, counter, ExitReason.NORMAL, Timeout.INFINITY);

                assertThatThrownBy(() -> GenServer.call(ctx, ServerRef.via(REGISTRY, "alice"), "get"))
                        .isInstanceOfSatisfying(CallFailedException.class,
                                failed -> assertThat(failed.cause()).isEqualTo(ExitReason.NOPROC));
            });
        }

        @Test
        void a_via_name_in_a_registry_that_is_not_running_fails_the_start() {
            run(ctx -> {
                StartResult result = GenServer.start(ctx, new Counter(), StartOptions.via("nowhere", "alice"));

                assertThat(result).isInstanceOfSatisfying(StartResult.Failed.class, failed ->
                        assertThat(failed.reason().describe()).contains("unknown registry \"nowhere\""));
            });
        }

        @Test
        void a_server_has_either_a_local_or_a_via_name() {
            assertThatThrownBy(() -> StartOptions.named("cache").withVia(REGISTRY, "alice"))
                    .hasMessage("a server is registered under one name but got both the local name \"cache\" and "
                            + "via(sessions, alice); use either withName or withVia");
        }
    }

    // ---- test processes -------------------------------------------------------------------

    /** Counts {@code "increment"} casts and plain messages; answers {@code "get"}. */
    static final class Counter implements GenServer<Integer> {
        @Override
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer count) {
            return CallResult.reply(count, count);
        }

        @Override
        public Result<Integer> handleCast(Object message, Integer count) {
            return Result.noReply(count + 1);
        }

        @Override
        public Result<Integer> handleInfo(Object message, Integer count) {
            return Result.noReply(count + 1);
        }
    }

    static final class Refusing implements GenServer<Integer> {
        @Override
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.stop(ExitReason.custom("refused"));
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    private interface Body {
        void run(ProcessContext ctx) throws Exception;
    }

    private static void run(Body body) {
        try (Node node = Node.start(TestScheduler.create(), RuntimeListener.NONE)) {
            node.run(ctx -> {
                body.run(ctx);
                return null;
            });
        }
    }

    /** A process that registers {@code key} and stays until it receives {@code "die"}. */
    private static Pid spawnHolding(ProcessContext ctx, Object key) {
        Pid test = ctx.self();
        Pid holder = ctx.spawn(p -> {
            p.send(test, Registry.register(p, REGISTRY, key));
            p.receive("die"::equals, PATIENCE);
        });
        assertThat(awaitMessage(ctx, m -> m instanceof RegisterResult)).isEqualTo(new RegisterResult.Registered());
        return holder;
    }

    private static void awaitDeath(ProcessContext ctx, Pid pid) {
        MonitorRef monitor = ctx.monitor(pid);
        awaitMessage(ctx, m -> m instanceof Down down && down.ref().equals(monitor));
    }

    private static Object awaitMessage(ProcessContext ctx, Predicate<Object> match) {
        return ctx.receive(match, PATIENCE)
                .orElseThrow(() -> new AssertionError("no matching message within " + PATIENCE));
    }
}
