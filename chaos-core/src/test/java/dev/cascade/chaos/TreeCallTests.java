package dev.cascade.chaos;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.dynamic.DynamicStartResult;
import dev.cascade.dynamic.DynamicSupervisor;
import dev.cascade.dynamic.DynamicSupervisorSpec;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.registry.Registry;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code tree.call}, {@code tree.cast} and {@code tree.send} from a test, by path and by registry key, on both schedulers. */
@ExtendWith(TestScheduler.Verify.class)
class TreeCallTests {

    static final SupervisorSpec PAYMENTS = SupervisorSpec.oneForOne().withIntensity(10, Duration.ofSeconds(5))
            .withChild(ChildSpec.worker("gateway", Account::new))
            .withChild(ChildSpec.worker("ledger", Account::new))
            .withChild(ChildSpec.worker("audit", Account::new).withRestart(Restart.TEMPORARY))
            .withChild(ChildSpec.registry("registry", "sessions"))
            .withChild(ChildSpec.dynamicSupervisor("sessions", DynamicSupervisorSpec.DEFAULT));

    /** Starts a session server registered under {@code user} in the "sessions" registry. */
    static void startSession(ChaosTree tree, String user) {
        Pid sessions = tree.whereis("root/sessions").orElseThrow();
        Object started = tree.node().run(ctx -> DynamicSupervisor.startChild(ctx, sessions, ChildSpec.worker("session",
                c -> GenServer.startLink(c, new Account(), StartOptions.via("sessions", user)))));
        assertThat(started).isInstanceOf(DynamicStartResult.Started.class);
    }

    @Test
    void a_call_by_path_returns_the_reply() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            tree.cast("root/ledger", "deposit");
            assertThat(tree.call("root/ledger", "balance")).isEqualTo(new CallOutcome.Replied(1));
            assertThat(tree.call("root/ledger", "balance").orElseThrow()).isEqualTo(1);
        }
    }

    @Test
    void a_call_by_registry_key_reaches_the_server_registered_under_it() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            startSession(tree, "alice");
            startSession(tree, "bob");
            tree.cast(ServerRef.via("sessions", "alice"), "deposit");
            tree.cast(ServerRef.via("sessions", "alice"), "deposit");
            tree.send(ServerRef.via("sessions", "bob"), "bonus");
            assertThat(tree.call(ServerRef.via("sessions", "alice"), "balance").orElseThrow()).isEqualTo(2);
            assertThat(tree.call(ServerRef.via("sessions", "bob"), "balance").orElseThrow()).isEqualTo(10);
        }
    }

    @Test
    void a_plain_send_by_path_reaches_handle_info() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            tree.send("root/gateway", "tick");
            assertThat(tree.call("root/gateway", "balance").orElseThrow()).isEqualTo(10);
        }
    }

    @Test
    void a_server_that_dies_handling_the_call_gives_its_exit_reason_G22() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            CallOutcome outcome = tree.call("root/gateway", "crash");
            assertThat(outcome).isInstanceOf(CallOutcome.ServerExited.class);
            assertThat(((CallOutcome.ServerExited) outcome).reason().describe()).isEqualTo("error:boom");
            assertThat(outcome.describe()).isEqualTo("server exited error:boom");
            assertThatThrownBy(outcome::orElseThrow).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the call got no reply: server exited error:boom");
        }
    }

    @Test
    void a_call_without_a_reply_in_time_times_out_G20() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            CallOutcome outcome = tree.call("root/ledger", "never", Timeout.ofMillis(100));
            assertThat(outcome).isEqualTo(new CallOutcome.TimedOut(Timeout.ofMillis(100)));
            assertThat(tree.call("root/ledger", "balance").replied()).isTrue(); // the server carries on
        }
    }

    @Test
    void a_call_to_a_path_with_no_live_process_is_noproc_G21() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            tree.inject(Fault.kill("root/audit")); // temporary: not restarted
            tree.runFor(Duration.ofMillis(10));
            assertThat(tree.call("root/audit", "balance")).isEqualTo(new CallOutcome.NoProc("root/audit"));
            tree.cast("root/audit", "deposit"); // dropped, as a cast to a dead process is
        }
    }

    @Test
    void a_call_to_a_key_whose_holder_died_is_noproc() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            startSession(tree, "carol");
            Pid carol = tree.node().run(ctx -> Registry.lookup(ctx, "sessions", "carol").orElseThrow());
            Pid sessions = tree.whereis("root/sessions").orElseThrow();
            tree.node().run(ctx -> DynamicSupervisor.terminateChild(ctx, sessions, carol));
            assertThat(tree.call(ServerRef.via("sessions", "carol"), "balance"))
                    .isEqualTo(new CallOutcome.NoProc("via(sessions, carol)"));
        }
    }

    @Test
    void a_path_the_tree_does_not_have_is_refused_listing_its_paths() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            String paths = "(paths: root, root/gateway, root/ledger, root/audit, root/registry, root/sessions)";
            assertThatThrownBy(() -> tree.call("root/ledgr", "balance")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("call to root/ledgr: the tree has no path root/ledgr " + paths);
            assertThatThrownBy(() -> tree.cast("root/ledgr", "deposit"))
                    .hasMessage("cast to root/ledgr: the tree has no path root/ledgr " + paths);
            assertThatThrownBy(() -> tree.send("ledger", "tick"))
                    .hasMessage("send to ledger: the tree has no path ledger " + paths);
            assertThatThrownBy(() -> tree.incarnations("root/ledgr"))
                    .hasMessage("incarnations(\"root/ledgr\"): the tree has no path root/ledgr " + paths);
            assertThatThrownBy(() -> tree.whereis("root/ledgr"))
                    .hasMessage("whereis(\"root/ledgr\"): the tree has no path root/ledgr " + paths);
        }
    }

    @Test
    void a_key_never_registered_is_refused_listing_the_keys_held_now() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            startSession(tree, "bob");
            startSession(tree, "alice");
            assertThatThrownBy(() -> tree.call(ServerRef.via("sessions", "alce"), "balance"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("call to via(sessions, alce): no process was ever registered under key \"alce\" in registry "
                            + "\"sessions\" (keys held now: \"alice\", \"bob\")");
            assertThatThrownBy(() -> tree.cast(ServerRef.via("sessions", "alce"), "deposit"))
                    .hasMessageStartingWith("cast to via(sessions, alce): no process was ever registered under key \"alce\"");
            assertThatThrownBy(() -> tree.send(ServerRef.via("sesions", "alice"), "tick"))
                    .hasMessage("send to via(sesions, alice): no registry \"sesions\" is running in this tree (registries: sessions)");
            assertThatThrownBy(() -> tree.cast(ServerRef.named("ledger"), "deposit"))
                    .hasMessageStartingWith("cast to ledger: no process is registered under the name \"ledger\" (registered now: sessions)");
        }
    }

    @Test
    void a_call_after_a_crash_reaches_the_restarted_incarnation() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            tree.cast("root/gateway", "deposit");
            assertThat(tree.call("root/gateway", "crash")).isInstanceOf(CallOutcome.ServerExited.class);
            Trees.awaitIncarnations(tree, "root/gateway", 2);
            assertThat(tree.call("root/gateway", "balance").orElseThrow()).isEqualTo(0);
        }
    }

    @Test
    void a_failed_call_is_not_an_exception_and_leaves_the_tree_running() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            tree.inject(Fault.kill("root/ledger"));
            Trees.awaitIncarnations(tree, "root/ledger", 2);
            assertThat(tree.call("root/ledger", "balance").orElseThrow()).isEqualTo(0);
        }
    }
}
