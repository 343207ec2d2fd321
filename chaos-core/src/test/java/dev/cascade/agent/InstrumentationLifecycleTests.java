package dev.cascade.agent;

import dev.cascade.agent.internal.Sessions;
import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.trace.TraceEvent;
import example.shop.FlakyRepository;
import example.shop.Quote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instrumentation lives exactly as long as what opened it: a closed tree or session leaves no woven
 * class and no armed fault behind, open sessions weave their union once, and a tree's faults never
 * reach another tree's processes.
 */
@ExtendWith(TestScheduler.Verify.class)
class InstrumentationLifecycleTests {
    private static final UserCode VIRTUAL = UserCode.virtualTime("example.shop");
    private static final MethodMatch SAVE = MethodMatch.method(FlakyRepository.class, "save");

    private static long fetches(ChaosTree tree) {
        return tree.trace().events(TraceEvent.UserCall.class).stream().filter(call -> call.method().equals("SlowClient.fetch")).count();
    }

    @Test
    void closingATreePutsItsWovenClassesBackSoTheNextTreeSeesNeitherItsFaultsNorItsTracing() {
        Shop shop = new Shop();
        try (ChaosTree first = shop.start(VIRTUAL.andMethods(Shop.FETCH))) {
            first.inject(Fault.throwIn(SAVE, SQLException.class, "first tree's fault"));
            assertThat(Shop.charge(first, "a", "apple")).isEqualTo("failed: first tree's fault");
            assertThat(fetches(first)).isEqualTo(1);
        }
        assertThat(Sessions.open()).isZero();
        assertThat(Sessions.woven()).isEmpty();
        try (ChaosTree second = shop.start(VIRTUAL)) {
            assertThat(Shop.charge(second, "a", "apple")).isInstanceOf(Quote.class);
            assertThat(fetches(second)).as("SlowClient.fetch is no longer woven").isZero();
        }
    }

    @Test
    void twoOpenSessionsNamingTheSameMethodWeaveItOnceAndClosingOneKeepsTheOthers() {
        Shop shop = new Shop();
        try (Instrumented outer = CascadeAgent.instrument(UserCode.methods(Shop.FETCH))) {
            try (ChaosTree tree = shop.start(VIRTUAL.andMethods(Shop.FETCH))) {
                Shop.charge(tree, "b", "apple");
                assertThat(fetches(tree)).as("one event per call, however many sessions name it").isEqualTo(1);
            }
            assertThat(Sessions.open()).isEqualTo(1);
            assertThat(outer.wovenClasses()).containsExactly("example.shop.SlowClient");
            try (ChaosTree tree = shop.start(VIRTUAL)) {
                Shop.charge(tree, "b", "apple");
                assertThat(fetches(tree)).as("still woven for the outer session").isEqualTo(1);
            }
        }
        assertThat(Sessions.woven()).isEmpty();
    }

    @Test
    void aTreesFaultNeverHitsTheProcessesOfAnotherTreeRunningAtTheSameTime() {
        Shop faulty = new Shop();
        Shop healthy = new Shop();
        try (ChaosTree broken = faulty.start(VIRTUAL); ChaosTree fine = healthy.start(VIRTUAL)) {
            broken.inject(Fault.throwIn(SAVE, SQLException.class, "only here"));
            assertThat(Shop.charge(fine, "c", "apple")).isInstanceOf(Quote.class);
            assertThat(Shop.charge(broken, "c", "apple")).isEqualTo("failed: only here");
            assertThat(broken.ledger().entry(1).hits()).hasSize(1);
            assertThat(healthy.repository.balance("c")).isEqualTo(105);
        }
    }
}
