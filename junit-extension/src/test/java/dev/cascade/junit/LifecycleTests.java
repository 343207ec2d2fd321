package dev.cascade.junit;

import dev.cascade.agent.Instrumented;
import dev.cascade.agent.UserCode;
import dev.cascade.chaos.ChaosTree;
import dev.cascade.junit.examples.shop.Cache;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** What a test starts is closed after it, newest first; what a real-mode test leaves running is reported and cleaned up. */
class LifecycleTests {
    static final List<String> CLOSED = Collections.synchronizedList(new ArrayList<>());
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @TempDir
    Path folder;

    static final SupervisorSpec CACHE = SupervisorSpec.oneForOne().withChild(ChildSpec.worker("cache", Cache::new));

    @CascadeTest
    static class ThreeTrees {
        @Test
        void starts_three(CascadeContext cascade) {
            for (String name : List.of("first", "second", "third")) {
                ChaosTree tree = cascade.start(CACHE, builder -> builder.root(name).listener(new RuntimeListener() {
                    @Override
                    public void processExited(Pid pid, ExitReason reason, List<Object> unhandled) {
                        if (reason.equals(ExitReason.SHUTDOWN) && !CLOSED.contains(name)) {
                            CLOSED.add(name);
                        }
                    }
                }));
                SEEN.put(name, tree);
            }
        }
    }

    @Test
    void everything_a_test_started_is_closed_after_it_newest_first() {
        CLOSED.clear();
        new Kit(folder).run(ThreeTrees.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(CLOSED).containsExactly("third", "second", "first");
        assertThat(((ChaosTree) SEEN.get("first")).whereis("first")).isEmpty();
    }

    static final AtomicReference<Node> NODE = new AtomicReference<>();
    static final AtomicReference<Pid> LEFT = new AtomicReference<>();
    static final AtomicReference<Instrumented> SESSION = new AtomicReference<>();

    @CascadeTest(mode = CascadeTest.Mode.REAL)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Leaky {
        @Test
        @Order(1)
        void leaves_a_process_and_an_agent_session(CascadeContext cascade) {
            Node node = cascade.startNode();
            NODE.set(node);
            LEFT.set(node.spawn(ctx -> ctx.receive(message -> false, Timeout.INFINITY)));
            SESSION.set(cascade.instrument(UserCode.virtualTime("example.clock")));
        }

        @Test
        @Order(2)
        void the_next_test_finds_them_gone(CascadeContext cascade) {
            SEEN.put("alive", NODE.get().isAlive(LEFT.get()));
            SEEN.put("open", SESSION.get().isOpen());
            SEEN.put("mine", cascade.startNode().processCount());
        }
    }

    @Test
    void a_real_mode_tests_leftovers_are_reported_as_its_own_and_cleaned_so_the_next_test_passes() {
        SEEN.clear();
        EngineExecutionResults results = new Kit(folder).run(Leaky.class);

        assertThat(Kit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        List<String> warnings = Kit.reportEntries(results, "cascade.warning");
        assertThat(warnings).hasSize(2);
        assertThat(warnings.getFirst()).startsWith("left behind: 1 process still running on a node the test started (real (virtual "
                + "threads, system clock)); stopped by closing the node:\n  " + LEFT.get() + " waiting in receive at LifecycleTests$Leaky.lambda$");
        assertThat(warnings.get(1)).isEqualTo(
                "left behind: an agent session (methods [], virtual time in [example.clock]) was left open; closed now, its classes put back");
        assertThat(SEEN).containsEntry("alive", false).containsEntry("open", false).containsEntry("mine", 0);
    }
}
