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
        return Arrays.stream(Catalog.values()).filter(Catalog::probes).toList();
    }

    @ParameterizedTest
    @EnumSource(Catalog.class)
    void a_probe_finds_its_problem_in_the_bad_tree_and_nothing_in_the_fixed_one(Catalog entry) {
        if (!entry.probes()) {
            assertThatThrownBy(() -> entry.probe(Catalog.TEMPORARY_CHILD.entry().bad().scenario().orElseThrow())).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("has no probe").hasMessageContaining("cascade catalog run " + entry.id());
            return;
        }
        List<Finding> bad = entry.probe(entry.entry().bad().scenario().orElseThrow());
        assertThat(bad).as(entry.id() + " in its bad tree").isNotEmpty().allSatisfy(finding -> assertThat(finding.entry()).isEqualTo(entry));
        assertThat(entry.probe(entry.entry().fixed().scenario().orElseThrow())).as(entry.id() + " in its fixed tree").isEmpty();
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
