package dev.cascade.catalog;

import dev.cascade.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogProbeTests {

    static List<Catalog> probing() {
        return Arrays.stream(Catalog.values()).filter(Catalog::probesFiles).toList();
    }

    @ParameterizedTest
    @EnumSource(Catalog.class)
    void a_probe_finds_its_problem_in_the_bad_tree_and_nothing_in_the_fixed_one(Catalog entry) {
        List<Finding> bad = probe(entry, entry.entry().bad());
        assertThat(bad).as(entry.id() + " in its bad tree").isNotEmpty().allSatisfy(finding -> assertThat(finding.entry()).isEqualTo(entry));
        assertThat(probe(entry, entry.entry().fixed())).as(entry.id() + " in its fixed tree").isEmpty();
    }

    @Test
    void only_the_blocking_call_probe_needs_a_java_tree_and_it_says_why_and_what_to_give_it() {
        assertThat(Arrays.stream(Catalog.values()).filter(entry -> !entry.probesFiles())).containsExactly(Catalog.BLOCKING_CALL_IN_HANDLER);
        assertThatThrownBy(() -> Catalog.BLOCKING_CALL_IN_HANDLER.probe(Catalog.TEMPORARY_CHILD.entry().bad().scenario().orElseThrow()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("catalog entry blocking-call-in-handler cannot probe a tree file: its fault is a slow method of your own "
                        + "code (Fault.delayIn through the agent), which a tree file does not have; from Java, name the methods of "
                        + "your code that may block: Catalog.BLOCKING_CALL_IN_HANDLER.probe(spec, MethodMatch.method(PriceClient.class, "
                        + "\"quote\"))");
        assertThatThrownBy(() -> Catalog.BLOCKING_CALL_IN_HANDLER.probe(Catalog.BLOCKING_CALL_IN_HANDLER.entry().bad().tree().orElseThrow()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("catalog entry blocking-call-in-handler needs the methods of your code that may block");
    }

    /**
     * A file story is probed as a scenario, a Java story as the SupervisorSpec a Java team would hand
     * in (the blocking-call story with the method of its user code that may block).
     */
    static List<Finding> probe(Catalog entry, Story story) {
        return story.scenario().map(entry::probe).orElseGet(() -> entry == Catalog.BLOCKING_CALL_IN_HANDLER
                ? entry.probe(story.tree().orElseThrow(), BlockingHandler.QUOTE) : entry.probe(story.tree().orElseThrow()));
    }

    @Test
    void the_init_trap_probe_explains_with_the_trees_own_paths_and_times() {
        List<Finding> found = Catalog.INIT_TRAP.probe(Catalog.INIT_TRAP.entry().bad().scenario().orElseThrow());
        assertThat(found).singleElement().satisfies(finding -> {
            assertThat(finding.path()).isEqualTo("root/gateway");
            assertThat(finding.text()).isEqualTo("init-trap at root/gateway: root/gateway's init takes 3000 ms: its supervisor root "
                    + "starts nothing else meanwhile (root/ledger, killed 50 ms after root/gateway, was down 2950 ms); "
                    + "move the slow work to handleContinue");
        });
    }

    @Test
    void the_root_intensity_probe_names_the_burst_and_the_budget() {
        List<Finding> found = Catalog.ROOT_DEFAULT_INTENSITY.probe(Catalog.ROOT_DEFAULT_INTENSITY.entry().bad().scenario().orElseThrow());
        assertThat(found).singleElement().satisfies(finding -> assertThat(finding.explanation())
                .startsWith("a burst of 3 crashes 100 ms apart (")
                .contains("root allows 1 restart(s) in 5 s"));
    }

    @Test
    void a_users_tree_is_probed_by_every_entry_that_has_a_probe() {
        var tree = ScenarioReader.read("""
                { "format": "cascade-scenario/1", "name": "payments",
                  "tree": { "id": "payments", "supervisor": true, "children": [
                    { "id": "gateway", "init": { "delay_ms": 2000 } },
                    { "id": "ledger", "handling_ms": 5 },
                    { "id": "audit", "restart": "temporary" } ] },
                  "faults": [], "settle_ms": 0 }""");
        List<String> found = probing().stream().flatMap(entry -> entry.probe(tree).stream()).map(Finding::text).toList();
        assertThat(found).anySatisfy(text -> assertThat(text).startsWith("init-trap at payments/gateway: payments/gateway's init takes 2000 ms"))
                .anySatisfy(text -> assertThat(text).startsWith("unbounded-mailbox at payments/ledger: "))
                .anySatisfy(text -> assertThat(text).startsWith("temporary-child at payments/audit: payments/audit is temporary"))
                .anySatisfy(text -> assertThat(text).startsWith("root-default-intensity at payments: a burst of 3 crashes"));
    }
}
