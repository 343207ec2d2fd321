package dev.cascade.catalog;

import dev.cascade.agent.MethodMatch;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Next;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.ExitException;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import example.fraud.FraudClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes on a Java team's own tree: a {@link SupervisorSpec} of their own code, not a catalog story
 * and not a file. {@code payments} has a {@code gateway} that connects for 3 s and a {@code notifier}
 * that keeps the {@code ledger}'s pid from its init; the fixed one connects in handleContinue and
 * puts the ledger and the notifier under rest_for_one. {@code checkout} calls the team's fraud
 * client inside its handler; the fixed one hands each order to a scorer.
 */
class JavaTreeProbeTests {

    static SupervisorSpec payments(boolean fixed) {
        return (fixed ? SupervisorSpec.restForOne() : SupervisorSpec.oneForOne()).withIntensity(5, Duration.ofSeconds(10))
                .withChild(ChildSpec.worker("ledger", ctx -> GenServer.startLink(ctx, new Ledger(), StartOptions.named("ledger"))))
                .withChild(ChildSpec.worker("notifier", Notifier::new))
                .withChild(ChildSpec.worker("gateway", () -> new Gateway(fixed)));
    }

    @Test
    void the_init_trap_probe_finds_a_slow_init_in_a_supervisor_spec_and_names_the_path_and_the_numbers() {
        List<Finding> found = Catalog.INIT_TRAP.probe(payments(false));

        assertThat(found).singleElement().satisfies(finding -> assertThat(finding.text()).isEqualTo("init-trap at root/gateway: "
                + "root/gateway's init takes 3000 ms: its supervisor root starts nothing else meanwhile (root/ledger, killed 50 ms "
                + "after root/gateway, was down 2950 ms); move the slow work to handleContinue"));
        assertThat(Catalog.INIT_TRAP.probe(payments(true))).as("the connection made in handleContinue").isEmpty();
    }

    @Test
    void the_stale_partner_probe_finds_a_pid_kept_across_its_partners_restart_under_one_for_one() {
        List<Finding> found = Catalog.ONE_FOR_ONE_DEPENDENT.probe(payments(false));

        assertThat(found).singleElement().satisfies(finding -> {
            assertThat(finding.path()).isEqualTo("root/notifier");
            assertThat(finding.explanation()).startsWith("root/notifier keeps sending to root/ledger#1 after root/ledger was killed "
                    + "and restarted: 11 message(s) to the dead incarnation, from 60 ms to 960 ms, each dropped. It holds the pid it "
                    + "got at its own start, and root (one_for_one) restarted root/ledger alone; start root/ledger before "
                    + "root/notifier under rest_for_one");
        });
        assertThat(Catalog.ONE_FOR_ONE_DEPENDENT.probe(payments(true))).as("rest_for_one restarts the notifier after the ledger").isEmpty();
    }

    @Test
    void a_probe_of_a_java_tree_is_the_same_from_every_seed() {
        List<Finding> first = Catalog.ONE_FOR_ONE_DEPENDENT.probe(payments(false), 0);
        for (long seed : new long[] {1, 42, 2026}) {
            assertThat(Catalog.ONE_FOR_ONE_DEPENDENT.probe(payments(false), seed)).as("seed %d", seed).isEqualTo(first);
            assertThat(Catalog.INIT_TRAP.probe(payments(false), seed)).as("seed %d", seed).isEqualTo(Catalog.INIT_TRAP.probe(payments(false)));
        }
    }

    /** {@code checkout} scores each order with the fraud client inside its handleCall (bad) or in a helper (fixed). */
    static SupervisorSpec checkout(boolean helper) {
        SupervisorSpec spec = SupervisorSpec.oneForOne().withIntensity(5, Duration.ofSeconds(10))
                .withChild(ChildSpec.worker("checkout", ctx -> GenServer.startLink(ctx, new Checkout(helper), StartOptions.named("checkout"))));
        if (helper) {
            spec = spec.withChild(ChildSpec.worker("scorer_a", ctx -> GenServer.startLink(ctx, new Scorer(), StartOptions.named("scorer_a"))))
                    .withChild(ChildSpec.worker("scorer_b", ctx -> GenServer.startLink(ctx, new Scorer(), StartOptions.named("scorer_b"))));
        }
        return spec.withChild(ChildSpec.worker("cart_a", Cart::new)).withChild(ChildSpec.worker("cart_b", Cart::new));
    }

    @Test
    void the_blocking_call_probe_slows_the_named_method_of_the_teams_code_and_finds_the_calls_queued_behind_it() {
        MethodMatch score = MethodMatch.method(FraudClient.class, "score");

        List<Finding> found = Catalog.BLOCKING_CALL_IN_HANDLER.probe(checkout(false), score);

        assertThat(found).singleElement().satisfies(finding -> assertThat(finding.text()).startsWith("blocking-call-in-handler at "
                + "root/checkout: one call of FraudClient.score made 2000 ms slow in root/checkout timed out 2 calls to root/checkout "
                + "(from root/cart_").contains("1 of them queued behind it, waiting for a request that was not theirs"));
        assertThat(Catalog.BLOCKING_CALL_IN_HANDLER.probe(checkout(true), score)).as("scored in a helper: only the slow order's caller waits")
                .isEmpty();
    }

    /** Scores each order with the fraud client: in its handler, or handed to a scorer that replies. */
    record Checkout(boolean helper) implements GenServer<Integer> {
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public CallResult<Integer> handleCall(Object order, From from, Integer orders) {
            if (!helper) {
                return CallResult.reply(new FraudClient().score(String.valueOf(order)), orders + 1);
            }
            GenServer.cast(ProcessContext.current(), ServerRef.named(orders % 2 == 0 ? "scorer_a" : "scorer_b"), new Scoring(order, from));
            return Result.noReply(orders + 1);
        }
    }

    /** An order handed to a scorer, with the caller to answer. */
    record Scoring(Object order, From from) {}

    /** Scores one order at a time and answers the caller directly. */
    static final class Scorer implements GenServer<Integer> {
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public Result<Integer> handleCast(Object message, Integer scored) {
            if (message instanceof Scoring scoring) {
                GenServer.reply(ProcessContext.current(), scoring.from(), new FraudClient().score(String.valueOf(scoring.order())));
            }
            return Result.noReply(scored + 1);
        }
    }

    /** Checks out one order 200 ms after it starts, waiting 1 s; a timeout is caught (the trace records it). */
    static final class Cart implements GenServer<Integer> {
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0, Next.timeout(Duration.ofMillis(200)));
        }

        @Override
        public Result<Integer> handleInfo(Object message, Integer done) {
            if (message == GenServer.TIMEOUT && done == 0) {
                try {
                    GenServer.call(ProcessContext.current(), ServerRef.named("checkout"), "order", Timeout.of(Duration.ofSeconds(1)));
                } catch (ExitException timedOut) {
                    // the cart shows "try again"; the trace has the timeout
                }
            }
            return Result.noReply(done + 1);
        }
    }

    /** Takes writes. */
    static final class Ledger implements GenServer<Long> {
        public InitResult<Long> init(ProcessContext ctx) {
            return InitResult.ok(0L);
        }

        @Override
        public Result<Long> handleCast(Object message, Long written) {
            return Result.noReply(written + 1);
        }
    }

    /** Looks the ledger up once and casts to that pid every 90 ms (never at the same instant as a fault, 3000 ms in). */
    static final class Notifier implements GenServer<Pid> {
        static final Duration EVERY = Duration.ofMillis(90);

        public InitResult<Pid> init(ProcessContext ctx) {
            return InitResult.ok(ctx.whereis("ledger").orElseThrow(), Next.timeout(EVERY));
        }

        @Override
        public Result<Pid> handleInfo(Object message, Pid ledger) {
            GenServer.cast(ProcessContext.current(), ledger, "payment settled");
            return Result.noReply(ledger, Next.timeout(EVERY));
        }
    }

    /** Connects to the payment provider for 3 s: in init (bad), or in handleContinue (fixed). */
    record Gateway(boolean continues) implements GenServer<String> {
        static final Duration CONNECT = Duration.ofSeconds(3);

        public InitResult<String> init(ProcessContext ctx) {
            if (continues) {
                return InitResult.ok("connecting", Next.continueWith("connect"));
            }
            ctx.sleep(CONNECT);
            return InitResult.ok("connected");
        }

        @Override
        public Result<String> handleContinue(Object value, String state) {
            ProcessContext.current().sleep(CONNECT);
            return Result.noReply("connected");
        }
    }
}
