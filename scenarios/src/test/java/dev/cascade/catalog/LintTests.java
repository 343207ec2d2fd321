package dev.cascade.catalog;

import dev.cascade.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LintTests {

    private static java.util.List<String> lint(String tree) {
        return Lint.check(ScenarioReader.read("{ \"format\": \"cascade-scenario/1\", \"name\": \"t\", \"tree\": " + tree
                + ", \"faults\": [], \"settle_ms\": 0 }")).stream().map(Lint.Finding::text).toList();
    }

    @Test
    void a_root_at_the_default_intensity_is_found_at_tree_intensity() {
        assertThat(lint("{ \"id\": \"root\", \"supervisor\": true, \"period_s\": 30, \"children\": [ { \"id\": \"a\" } ] }")).isEmpty();
        assertThat(lint("{ \"id\": \"root\", \"supervisor\": true, \"children\": [ { \"id\": \"a\" } ] }")).containsExactly(
                "tree.intensity: the root root keeps the default intensity (1 restart in 5 s): two crashes of any children "
                        + "within 5 s make it give up and take the whole application down (otp-semantics 3.6); set intensity and "
                        + "period_s for the bursts it must absorb, e.g. 10 in 10 s (catalog entry root-default-intensity)");
    }

    @Test
    void a_temporary_child_under_one_for_all_is_found_at_its_restart_field_otp_3_4() {
        assertThat(lint("""
                { "id": "root", "supervisor": true, "intensity": 5, "period_s": 30, "children": [
                  { "id": "group", "supervisor": true, "strategy": "one_for_all", "children": [
                    { "id": "conn" }, { "id": "poller", "restart": "temporary" } ] } ] }""")).containsExactly(
                "tree.children[0].children[1].restart: poller is temporary under the one_for_all supervisor group: the first "
                        + "crash of any sibling terminates it with the group and never starts it again (otp-semantics 3.4), so "
                        + "the group comes back without it; make it transient or permanent, or move it out of the group "
                        + "(catalog entry temporary-child)");
    }

    @Test
    void workers_and_supervisors_mixed_under_a_root_with_a_short_period_are_found_at_tree_children() {
        String mixed = """
                { "id": "root", "supervisor": true, "intensity": 5, "period_s": %d, "children": [
                  { "id": "cache" }, { "id": "app", "supervisor": true, "children": [ { "id": "api" } ] } ] }""";
        assertThat(lint(mixed.formatted(60))).isEmpty();
        assertThat(lint(mixed.formatted(5))).containsExactly("tree.children: the root root mixes workers [cache] and supervisors [app] "
                + "with a period of 5 s: a worker's crash loop spends the restart budget the subtrees' escalations need, and both "
                + "reach the root within one short window; put the workers under a supervisor of their own, or lengthen period_s");
    }

    @Test
    void the_catalogs_fixed_root_passes_lint_and_its_bad_root_does_not() {
        assertThat(Lint.check(Catalog.ROOT_DEFAULT_INTENSITY.entry().bad().scenario().orElseThrow())).extracting(Lint.Finding::location).containsExactly("tree.intensity");
        assertThat(Lint.check(Catalog.ROOT_DEFAULT_INTENSITY.entry().fixed().scenario().orElseThrow())).isEmpty();
    }
}
