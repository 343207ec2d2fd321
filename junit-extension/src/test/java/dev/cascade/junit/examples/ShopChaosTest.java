package dev.cascade.junit.examples;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.junit.CascadeTest;
import dev.cascade.junit.EventAssert;
import dev.cascade.junit.Tree;
import dev.cascade.junit.examples.shop.Cache;
import dev.cascade.junit.examples.shop.Gateway;
import dev.cascade.junit.examples.shop.Ledger;
import dev.cascade.junit.examples.shop.Session;
import dev.cascade.junit.examples.shop.Shop;
import dev.cascade.genserver.GenServer;
import dev.cascade.registry.Registry;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ServerRef;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static dev.cascade.junit.CascadeAssertions.assertThat;
import static dev.cascade.junit.CascadeAssertions.times;
import static org.assertj.core.api.Assertions.assertThat;

/** Realistic chaos tests of the {@link Shop}: what a crash touches, what it leaves alone, and what it costs. */
@CascadeTest
class ShopChaosTest {
    @Tree
    static SupervisorSpec shop() {
        return Shop.tree();
    }

    @Test
    void a_cache_crash_stays_in_the_cache(@Tree("shop") ChaosTree tree) {
        tree.inject(Fault.raise("root/cache", "corrupt_entry"));
        tree.runUntil("the cache is back", t -> t.incarnations("root/cache") == 2 && t.whereis("root/cache").isPresent(),
                Duration.ofSeconds(1));

        assertThat(tree.trace()).process("root/cache").wasRestarted(times(1));
        assertThat(tree.trace()).process("root/payments/ledger").neverCrashed();
        assertThat(tree.trace()).process("root/frontdoor/registry").wasNeverRestarted();
        assertThat(tree.trace()).supervisor("root").neverGaveUp();
    }

    @Test
    void a_ledger_slower_than_the_gateways_timeout_crashes_the_gateway_not_the_ledger(@Tree("shop") ChaosTree tree) {
        tree.inject(Fault.slowerThanCallTimeout("root/payments/ledger", "root/payments/gateway"));
        Pid gateway = tree.whereis("root/payments/gateway").orElseThrow();

        String answer = tree.node().run(ctx -> {
            try {
                return "paid, balance " + GenServer.call(ctx, gateway, new Gateway.Pay("alice", 500));
            } catch (CallFailedException failed) {
                return "failed: " + failed.cause().describe();
            }
        });
        tree.runFor(Duration.ofSeconds(1));

        assertThat(answer).startsWith("failed: ");
        EventAssert gatewayCrash = assertThat(tree.trace()).process("root/payments/gateway").crashed();
        assertThat(tree.trace()).supervisor("root/payments").restarted("root/payments/gateway").wasCausedBy(gatewayCrash);
        assertThat(tree.trace()).process("root/payments/ledger").neverCrashed();
        assertThat(tree).hasRunning("root/payments/gateway").hasIncarnations("root/payments/ledger", 1);
    }

    @Test
    void a_crash_loop_in_payments_escalates_to_the_root_and_the_shop_comes_back_whole(@Tree("shop") ChaosTree tree) {
        tree.inject(Fault.breachIntensity("root/payments/ledger"));
        tree.runUntil("payments restarted by the root", t -> t.incarnations("root/payments") == 2, Duration.ofSeconds(1));

        EventAssert gaveUp = assertThat(tree.trace()).supervisor("root/payments").gaveUp();
        assertThat(tree.trace()).supervisor("root").restarted("root/payments").happenedAfter(gaveUp);
        assertThat(tree.trace()).process("root/cache").wasNeverRestarted();
        assertThat(tree).hasRunning("root/payments/gateway").hasRunning("root/payments/ledger");
    }

    @Test
    void a_killed_session_comes_back_under_its_user_in_the_registry(@Tree("shop") ChaosTree tree) {
        Pid before = tree.node().run(ctx -> {
            Shop.openSession(ctx, "alice");
            GenServer.call(ctx, ServerRef.via("sessions", "alice"), new Session.View("home"));
            return Registry.lookup(ctx, "sessions", "alice").orElseThrow();
        });
        tree.node().run(ctx -> {
            ctx.exit(before, dev.cascade.runtime.ExitReason.KILL);
            return null;
        });
        tree.runUntil("alice's session restarted", t -> t.incarnations("root/frontdoor/sessions/alice") == 2, Duration.ofSeconds(1));
        assertThat(lookup(tree, "alice")).isPresent().get().isNotEqualTo(before);

        Object views = tree.node().run(ctx -> GenServer.call(ctx, ServerRef.via("sessions", "alice"), new Session.View("cart")));
        assertThat(views).as("a restarted session starts from init").isEqualTo(1);
        assertThat(tree.trace()).process("root/frontdoor/registry").neverCrashed();
    }

    @Test
    void a_registry_crash_restarts_the_sessions_after_it_so_none_is_left_unregistered(@Tree("shop") ChaosTree tree) {
        tree.node().run(ctx -> Shop.openSession(ctx, "bob"));
        tree.inject(Fault.kill("root/frontdoor/registry"));
        tree.runUntil("the frontdoor is back", t -> t.incarnations("root/frontdoor/sessions") == 2
                && t.whereis("root/frontdoor/sessions").isPresent(), Duration.ofSeconds(1));

        EventAssert registryCrash = assertThat(tree.trace()).process("root/frontdoor/registry").crashed();
        assertThat(tree.trace()).supervisor("root/frontdoor").restarted("root/frontdoor/registry").wasCausedBy(registryCrash);
        assertThat(tree.trace()).process("root/frontdoor/sessions").wasRestarted(times(1));
        assertThat(tree.trace()).supervisor("root").neverGaveUp();
        assertThat(lookup(tree, "bob")).as("a dynamic child is not restarted with its supervisor: bob must sign in again").isEmpty();
    }

    @Test
    void cache_writes_queued_when_it_dies_are_lost_and_counted(@Tree("shop") ChaosTree tree) {
        tree.apply(FaultPlan.builder()
                .at(Duration.ZERO, Fault.slowHandling("root/cache", Duration.ofMillis(100)))
                .at(Duration.ZERO, Fault.flood("root/cache", 10, i -> new Cache.Put("k" + i, "v")))
                .at(Duration.ofMillis(250), Fault.kill("root/cache"))
                .build());
        tree.runFor(Duration.ofSeconds(1));

        assertThat(tree.trace()).process("root/cache").lostMessages().hasSize(7);
        assertThat(tree.trace()).process("root/payments/ledger").lostMessages().isEmpty();
        assertThat(tree.trace()).isBalanced();
    }

    private static Optional<Pid> lookup(ChaosTree tree, String user) {
        return tree.node().run(ctx -> Registry.lookup(ctx, "sessions", user));
    }
}
