package dev.cascade.agent;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import example.shop.Charge;
import example.shop.FlakyRepository;
import example.shop.InventoryGateway;
import example.shop.LedgerServer;
import example.shop.Remote;
import example.shop.SlowClient;

import java.time.Duration;

/** The test user library as a tree: {@code root/ledger} is a {@link LedgerServer}, on the scheduler the tests run on. */
final class Shop {
    /** The client's latency: long enough to see on the real clock, short enough to keep tests quick. */
    static final long LATENCY_MILLIS = 40;

    static final MethodMatch FETCH = MethodMatch.method(SlowClient.class, "fetch");
    static final MethodMatch REPOSITORY = MethodMatch.anyMethodOf(FlakyRepository.class);
    static final MethodMatch REMOTE = MethodMatch.annotatedWith(Remote.class);

    final FlakyRepository repository = new FlakyRepository();

    /** The shop's tree, weaving {@code code} while it lives. */
    ChaosTree start(UserCode code) {
        SupervisorSpec spec = SupervisorSpec.oneForOne().withChild(ChildSpec.worker("ledger",
                () -> new LedgerServer(new SlowClient(LATENCY_MILLIS), repository, new InventoryGateway())));
        return ChaosTree.builder(spec).scheduler(TestScheduler.create()).instrument(code).start();
    }

    /** Calls {@code root/ledger} with a charge from outside the tree; its reply, or the reason the call failed. */
    static Object charge(ChaosTree tree, String account, String item) {
        Pid ledger = tree.whereis("root/ledger").orElseThrow(() -> new AssertionError("no live root/ledger"));
        return tree.node().run(ctx -> {
            try {
                return GenServer.call(ctx, ledger, new Charge(account, item), Timeout.of(Duration.ofSeconds(5)));
            } catch (CallFailedException failed) {
                return failed.cause().describe();
            }
        });
    }
}
