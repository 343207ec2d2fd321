package dev.cascade.agent;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlanException;
import dev.cascade.chaos.LedgerEntry;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.trace.TraceEvent;
import example.shop.FlakyRepository;
import example.shop.InventoryGateway;
import example.shop.Quote;
import example.shop.SlowClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Faults in user methods: delay or throw, every call, the n-th call, or within a window; each hit in the ledger with its process. */
@ExtendWith(TestScheduler.Verify.class)
class MethodFaultTests {
    private static final UserCode SHOP = UserCode.virtualTime("example.shop");
    /** The repository's write, which a JDBC one would fail with a checked exception. */
    private static final MethodMatch SAVE = MethodMatch.method(FlakyRepository.class, "save");

    private final Shop shop = new Shop();

    private static List<LedgerEntry.Hit> hits(ChaosTree tree) {
        return tree.ledger().entry(1).hits();
    }

    @Test
    void aThrowFaultMakesEveryCallThrowTheCheckedExceptionTheMethodDeclaresAndRecordsEachHitWithItsProcess() {
        try (ChaosTree tree = shop.start(SHOP)) {
            tree.inject(Fault.throwIn(SAVE, SQLException.class, "deadlock detected"));
            assertThat(Shop.charge(tree, "alice", "apple")).isEqualTo("failed: deadlock detected");
            assertThat(Shop.charge(tree, "alice", "pear")).isEqualTo("failed: deadlock detected");
            assertThat(shop.repository.balance("alice")).isZero();
            assertThat(hits(tree)).extracting(LedgerEntry.Hit::path, LedgerEntry.Hit::incarnation)
                    .containsExactly(tuple("root/ledger", 1), tuple("root/ledger", 1));
            assertThat(hits(tree)).allSatisfy(hit -> assertThat(hit.detail()).isEqualTo("FlakyRepository.save threw SQLException"));
            assertThat(tree.trace().events(TraceEvent.UserCall.class)).filteredOn(call -> call.method().equals("FlakyRepository.save"))
                    .extracting(TraceEvent.UserCall::thrown)
                    .containsExactly(Optional.of("SQLException: deadlock detected"), Optional.of("SQLException: deadlock detected"));
        }
    }

    @Test
    void onCallNHitsOnlyTheNthMatchingCallAfterItFired() {
        try (ChaosTree tree = shop.start(SHOP)) {
            tree.inject(Fault.throwIn(SAVE, SQLException.class, "deadlock").onCall(2));
            assertThat(Shop.charge(tree, "bob", "apple")).isInstanceOf(Quote.class);
            assertThat(Shop.charge(tree, "bob", "apple")).isEqualTo("failed: deadlock");
            assertThat(Shop.charge(tree, "bob", "apple")).isInstanceOf(Quote.class);
            assertThat(hits(tree)).hasSize(1);
            assertThat(shop.repository.balance("bob")).isEqualTo(2 * 105);
        }
    }

    @Test
    void aFaultWithAWindowHitsCallsInsideItOnlyAndIsSkippedIfNoneCame() {
        Duration window = Duration.ofSeconds(1);
        try (ChaosTree tree = shop.start(SHOP)) {
            tree.inject(Fault.throwIn(SAVE, SQLException.class, "maintenance").forDuration(window));
            assertThat(Shop.charge(tree, "carol", "apple")).isEqualTo("failed: maintenance");
            tree.runFor(window.plusMillis(200));
            assertThat(Shop.charge(tree, "carol", "apple")).isInstanceOf(Quote.class);
            assertThat(hits(tree)).hasSize(1);

            tree.inject(Fault.throwIn(SAVE, SQLException.class, "unseen").forDuration(window));
            tree.runFor(window.plusMillis(200));
            LedgerEntry unseen = tree.ledger().entry(2);
            assertThat(unseen.status()).isEqualTo(LedgerEntry.Status.SKIPPED);
            assertThat(unseen.why()).isEqualTo("no call of FlakyRepository.save came in its window");
        }
    }

    @Test
    void anUncheckedThrowCrashesTheHandlerSoTheSupervisorRestartsItAndTheNextIncarnationIsHitToo() {
        try (ChaosTree tree = shop.start(SHOP)) {
            tree.inject(Fault.throwIn(MethodMatch.method(SlowClient.class, "fetch"), IllegalStateException.class, "upstream 503"));
            assertThat(Shop.charge(tree, "dave", "apple")).asString().contains("upstream 503");
            tree.runFor(Duration.ofMillis(100));
            assertThat(tree.incarnations("root/ledger")).isEqualTo(2);
            assertThat(Shop.charge(tree, "dave", "apple")).asString().contains("upstream 503");
            assertThat(hits(tree)).extracting(LedgerEntry.Hit::incarnation).containsExactly(1, 2);
            assertThat(tree.trace().events(TraceEvent.Exited.class)).filteredOn(exit -> exit.process().isAt("root/ledger"))
                    .first().satisfies(exit -> assertThat(tree.trace().explain(exit).toString())
                            .contains("throw IllegalStateException(\"upstream 503\") in SlowClient.fetch"));
        }
    }

    @Test
    void aDelayFaultMakesEachCallThatMuchSlowerAndTheTraceShowsTheWholeTimeSpentInIt() {
        Duration delay = Duration.ofMillis(300);
        try (ChaosTree tree = shop.start(SHOP.andMethods(Shop.FETCH))) {
            tree.inject(Fault.delayIn(Shop.FETCH, delay));
            assertThat(Shop.charge(tree, "erin", "apple")).isInstanceOf(Quote.class);
            TraceEvent.UserCall fetch = tree.trace().events(TraceEvent.UserCall.class).getFirst();
            assertThat(fetch.took()).isGreaterThanOrEqualTo(delay.plusMillis(Shop.LATENCY_MILLIS));
            if (TestScheduler.simulated()) {
                assertThat(fetch.took()).isEqualTo(delay.plusMillis(Shop.LATENCY_MILLIS));
                assertThat(tree.trace().describe(fetch)).isEqualTo("root/ledger#1 spent 340 ms in SlowClient.fetch handling Charge");
            }
            assertThat(hits(tree)).singleElement().satisfies(hit -> assertThat(hit.detail()).isEqualTo("SlowClient.fetch delayed 300 ms"));
        }
    }

    @Test
    void aFaultNarrowedToACallerPathSparesCallsFromOtherProcesses() {
        try (ChaosTree tree = shop.start(SHOP)) {
            tree.inject(Fault.throwIn(SAVE, SQLException.class, "not for you").from("root"));
            assertThat(Shop.charge(tree, "frank", "apple")).isInstanceOf(Quote.class);
            assertThat(tree.ledger().entry(1).status()).isEqualTo(LedgerEntry.Status.PENDING);
        }
    }

    @Test
    void aTreeWeavesTheMethodsItsFaultsTargetWithoutBeingToldTo() {
        try (ChaosTree tree = shop.start(SHOP)) { // virtual time only: no method named
            assertThat(Shop.charge(tree, "gina", "kiwi")).isInstanceOf(Quote.class);
            tree.inject(Fault.throwIn(MethodMatch.method(InventoryGateway.class, "reserve"), IllegalArgumentException.class, "sold out"));
            assertThat(Shop.charge(tree, "gina", "kiwi")).asString().contains("sold out");
            assertThat(hits(tree)).hasSize(1);
        }
    }

    @Test
    void aCheckedExceptionTheMethodDoesNotDeclareIsRefusedBeforeAnythingRuns() {
        try (ChaosTree tree = shop.start(SHOP)) {
            assertThatThrownBy(() -> tree.inject(Fault.throwIn(MethodMatch.method(InventoryGateway.class, "reserve"),
                    SQLException.class, "nope")))
                    .isInstanceOf(FaultPlanException.class)
                    .hasMessageContaining("InventoryGateway.reserve does not declare SQLException, a checked exception");
            assertThat(tree.ledger().entries()).isEmpty();
        }
    }

    @Test
    void anExceptionTypeWithoutAMessageConstructorIsRefusedWhenTheFaultIsMade() {
        assertThatThrownBy(() -> Fault.throwIn(SAVE, NoMessage.class, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no public constructor taking a message");
        assertThatThrownBy(() -> Fault.delayIn(SAVE, Duration.ZERO)).hasMessageContaining("method delay must be > 0");
        assertThatThrownBy(() -> Fault.delayIn(SAVE, Duration.ofMillis(1)).onCall(0))
                .hasMessageContaining("onCall needs a call number >= 1 (1 = the first call) but was 0");
    }

    /** An exception with no constructor taking a message. */
    static final class NoMessage extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
