package dev.cascade.report;

import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioRun;
import dev.cascade.scenario.ScenarioRunner;
import dev.cascade.simulation.SimulatedScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of a scenario whose dynamic supervisor starts children by key during the run (Elixir's
 * DynamicSupervisor, otp-semantics 4.2): the children are drawn in the tree under their supervisor,
 * with their fates, and have swimlanes of their own — a key its supervisor refused
 * ({@code max_children}: OTP's {@code {error, max_children}}) too; loaded in headless Chromium.
 */
class DynamicChildrenPageTests {
    static final String SESSIONS = """
            { "format": "cascade-scenario/1", "name": "user-sessions",
              "tree": { "id": "root", "supervisor": true, "intensity": 3, "children": [
                { "id": "gateway" },
                { "id": "sessions", "supervisor": "dynamic", "intensity": 1, "max_children": 2,
                  "templates": [ { "id": "session", "restart": "transient" } ],
                  "starts": [ { "at_ms": 0, "template": "session", "key": "alice" },
                              { "at_ms": 100, "template": "session", "key": "bob" } ] } ] },
              "faults": [ { "at_ms": 300, "target": "root/sessions/alice", "kind": "raise", "reason": "boom" } ],
              "settle_ms": 200 }
            """;

    @Test
    void dynamic_children_are_drawn_in_the_tree_under_their_supervisor_with_their_fate_and_a_swimlane_each(@TempDir Path dir)
            throws Exception {
        Browser browser = Browser.required();
        ScenarioRun run = ScenarioRunner.record(ScenarioReader.read(SESSIONS), SimulatedScheduler.withSeed(0));
        Path html = Report.of(run.traceRecord()).writeTo(dir).html();

        String dom = browser.dom(html);

        assertThat(Browser.htmlAttribute(dom, "data-errors")).isEmpty();
        String tree = dom.substring(dom.indexOf("<section id=\"tree\">"), dom.indexOf("</section>", dom.indexOf("<section id=\"tree\">")));
        assertThat(tree).contains("<li class=\"tree-node\" data-path=\"root/sessions\">")
                .contains("<li class=\"tree-node\" data-path=\"root/sessions/alice\"><div class=\"card fate-restarted\">")
                .contains("<li class=\"tree-node\" data-path=\"root/sessions/bob\"><div class=\"card fate-untouched\">")
                .contains("started at run time")
                .doesNotContain("not in the static tree");
        // alice and bob sit inside the sessions node's list, not beside it
        assertThat(tree.indexOf("data-path=\"root/sessions/alice\"")).isGreaterThan(tree.indexOf("data-path=\"root/sessions\""));
        assertThat(dom).contains("data-lane=\"root/sessions/alice\"").contains("data-lane=\"root/sessions/bob\"");
        Path png = browser.screenshot(html, dir.resolve("page.png"), 1400, 1600);
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void a_key_refused_by_max_children_has_a_card_under_its_supervisor_saying_it_never_started_and_why_and_a_lane(
            @TempDir Path dir) throws Exception {
        Browser browser = Browser.required();
        String three = SESSIONS.replace("{ \"at_ms\": 100, \"template\": \"session\", \"key\": \"bob\" }",
                "{ \"at_ms\": 100, \"template\": \"session\", \"key\": \"bob\" },"
                        + " { \"at_ms\": 200, \"template\": \"session\", \"key\": \"carol\" }");
        assertThat(three).contains("carol");
        ScenarioRun run = ScenarioRunner.record(ScenarioReader.read(three), SimulatedScheduler.withSeed(0));
        Path html = Report.of(run.traceRecord()).writeTo(dir).html();

        String dom = browser.dom(html);

        assertThat(Browser.htmlAttribute(dom, "data-errors")).isEmpty();
        String tree = dom.substring(dom.indexOf("<section id=\"tree\">"), dom.indexOf("</section>", dom.indexOf("<section id=\"tree\">")));
        String sessions = tree.substring(tree.indexOf("data-path=\"root/sessions\""));
        assertThat(sessions).contains("data-path=\"root/sessions/alice\"", "data-path=\"root/sessions/bob\"")
                .contains("<li class=\"tree-node\" data-path=\"root/sessions/carol\"><div class=\"card fate-never-started\">")
                .contains("asked to start at run time")
                .contains("never started: max_children");
        assertThat(dom).contains("data-lane=\"root/sessions/carol\"");
        Path png = browser.screenshot(html, dir.resolve("page.png"), 1400, 1600);
        assertThat(Files.size(png)).isPositive();
    }
}
