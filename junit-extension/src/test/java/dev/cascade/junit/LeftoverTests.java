package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.junit.examples.shop.Cache;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessInfo;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Processes a real-mode test leaves on its tree's own node are reported as that test's, then killed, so the next
 * test never meets them; the tree's own processes (and what they linked) and Cascade's machinery are not leftovers.
 */
class LeftoverTests {
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @TempDir
    Path folder;

    /** A server that, like many, starts a helper process linked to it: the helper ends with the server. */
    static final class WithHelper implements GenServer<Pid> {
        @Override
        public InitResult<Pid> init(ProcessContext ctx) {
            return InitResult.ok(ctx.spawnLink(helper -> helper.receive(message -> false, Timeout.INFINITY)));
        }

        @Override
        public CallResult<Pid> handleCall(Object request, From from, Pid helper) {
            return CallResult.reply(helper, helper);
        }
    }

    @Tree
    static SupervisorSpec shop() {
        return SupervisorSpec.oneForOne()
                .withChild(ChildSpec.worker("cache", Cache::new))
                .withChild(ChildSpec.worker("mailer", WithHelper::new));
    }

    static void forever(ProcessContext ctx) {
        ctx.receive(message -> false, Timeout.INFINITY);
    }

    /** Until {@code pid} waits in its receive, so that what the report says of it is known. */
    static void awaitWaiting(Node node, Pid pid) {
        await().atMost(Duration.ofSeconds(30)).until(() -> node.processes().stream()
                .anyMatch(process -> process.pid().equals(pid) && process.status() == ProcessInfo.Status.WAITING));
    }

    @CascadeTest(mode = CascadeTest.Mode.REAL)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Leaky {
        @Test
        @Order(1)
        void spawns_beside_the_tree(@Tree("shop") ChaosTree tree) {
            Pid spawned = tree.node().spawn(ctx -> {
                ctx.register("poller");
                forever(ctx);
            });
            Pid fromRun = tree.node().run(ctx -> ctx.spawn(LeftoverTests::forever));
            awaitWaiting(tree.node(), spawned);
            awaitWaiting(tree.node(), fromRun);
            SEEN.put("spawned", spawned);
            SEEN.put("fromRun", fromRun);
            SEEN.put("node", tree.node());
        }

        @Test
        @Order(2)
        void the_next_test_finds_them_gone(@Tree("shop") ChaosTree tree) {
            Node before = (Node) SEEN.get("node");
            SEEN.put("alive", before.isAlive((Pid) SEEN.get("spawned")) || before.isAlive((Pid) SEEN.get("fromRun")));
        }
    }

    @Test
    void processes_a_test_spawned_on_its_trees_node_are_named_with_their_state_and_start_and_cleaned_up() {
        SEEN.clear();
        EngineExecutionResults results = new Kit(folder).run(Leaky.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Kit.reportEntries(results, "cascade.warning")).hasSize(1);
        String warning = Kit.reportEntries(results, "cascade.warning").getFirst();
        Pid spawned = (Pid) SEEN.get("spawned");
        Pid fromRun = (Pid) SEEN.get("fromRun");
        assertThat(warning).startsWith("left behind: 2 processes still running on the node of tree shop, after the tree stopped; "
                + "stopped by closing the node:\n  " + spawned + " (registered as poller) waiting in receive at LeftoverTests.forever(LeftoverTests.java:")
                .contains(", started as LeftoverTests$Leaky.lambda$spawns_beside_the_tree$",
                        "\n  " + fromRun + " waiting in receive at LeftoverTests.forever(LeftoverTests.java:",
                        "started as LeftoverTests.forever(LeftoverTests.java:")
                .doesNotContain("root/", "Cache", "WithHelper", "ChaosTree", "TreeOwner");
        assertThat(SEEN).containsEntry("alive", false);
        assertThat(new Kit(folder).read("results/dev.cascade.junit.LeftoverTests$Leaky.spawns_beside_the_tree.json"))
                .contains("{ \"check\": \"leftovers\", \"result\": \"warn\", \"detail\": \"left behind: 2 processes");
        assertThat(new Kit(folder).read("results/dev.cascade.junit.LeftoverTests$Leaky.the_next_test_finds_them_gone.json"))
                .contains("{ \"check\": \"leftovers\", \"result\": \"pass\", \"detail\": \"\" }");
    }

    @CascadeTest(mode = CascadeTest.Mode.REAL)
    static class Tidy {
        @Test
        void works_the_tree_up_to_its_last_line(@Tree("shop") ChaosTree tree) {
            tree.apply(FaultPlan.builder().at(Duration.ofMinutes(10), Fault.kill("root/cache").optional()).build());
            tree.inject(Fault.kill("root/cache"));
            tree.cast("root/cache", new Cache.Put("k", "v"));
            tree.node().run(ctx -> GenServer.call(ctx, tree.whereis("root/mailer").orElseThrow(), "helper"));
            tree.call("root/mailer", "helper");
        }
    }

    @Test
    void the_trees_own_processes_what_they_linked_and_cascades_machinery_are_not_leftovers() {
        EngineExecutionResults results = new Kit(folder).run(Tidy.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(Kit.reportEntries(results, "cascade.warning")).isEmpty();
        assertThat(new Kit(folder).read("results/dev.cascade.junit.LeftoverTests$Tidy.works_the_tree_up_to_its_last_line.json"))
                .contains("{ \"check\": \"leftovers\", \"result\": \"pass\", \"detail\": \"\" }");
    }

    @CascadeTest(mode = CascadeTest.Mode.REAL, leftovers = CascadeTest.Leftovers.FAIL)
    static class Strict {
        @Test
        void leaves_one(@Tree("shop") ChaosTree tree) {
            Pid left = tree.node().spawn(LeftoverTests::forever);
            awaitWaiting(tree.node(), left);
            SEEN.put("strict", left);
        }
    }

    @Nested
    class The_switch {
        @Test
        void FAIL_fails_the_test_naming_the_process_and_still_cleans_up() {
            EngineExecutionResults results = new Kit(folder).run(Strict.class);

            assertThat(Kit.message(results)).startsWith("left behind: 1 process still running on the node of tree shop, after the tree "
                    + "stopped; stopped by closing the node:\n  " + SEEN.get("strict") + " waiting in receive at LeftoverTests.forever(")
                    .contains("(leftovers = FAIL; they were cleaned up: end what the test starts before it returns, "
                            + "or set @CascadeTest(leftovers = WARN))",
                            "replay: mvn test -Dtest='LeftoverTests$Strict#leaves_one' -Dcascade.seed=");
        }

        @Test
        void the_configuration_parameter_IGNORE_says_nothing_but_the_record_keeps_it() {
            Kit kit = new Kit(folder).with("cascade.leftovers", "ignore");
            EngineExecutionResults results = kit.run(Leaky.class);

            results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
            assertThat(Kit.reportEntries(results, "cascade.warning")).isEmpty();
            assertThat(kit.read("results/dev.cascade.junit.LeftoverTests$Leaky.spawns_beside_the_tree.json"))
                    .contains("{ \"check\": \"leftovers\", \"result\": \"off\", \"detail\": \"left behind: 2 processes");
        }

        @Test
        void a_misspelt_value_names_the_parameter_the_value_and_the_choices() {
            EngineExecutionResults results = new Kit(folder).with("cascade.leftovers", "loud").run(Leaky.class);

            assertThat(Kit.failures(results)).hasSize(2).extracting(Throwable::getMessage).containsOnly("cascade.leftovers must be one of [WARN, FAIL, IGNORE] but was \"loud\"; "
                    + "set it in junit-platform.properties or with -Dcascade.leftovers=...");
        }
    }

}
