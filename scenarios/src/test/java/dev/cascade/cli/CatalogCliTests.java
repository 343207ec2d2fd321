package dev.cascade.cli;

import dev.cascade.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogCliTests {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cascade(String... args) {
        return new CascadeCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void an_entry_id_or_a_lint_file_given_twice_is_refused_with_status_2(@TempDir Path dir) {
        assertThat(cascade("catalog", "run", "init-trap", "init-trap", "--out", dir.toString())).isEqualTo(2);
        assertThat(err()).startsWith("cascade: entry id \"init-trap\" is given twice; give it once");
        assertThat(out()).isEmpty();
        err.reset();
        assertThat(cascade("lint", "examples/cache-crash.json", "examples/cache-crash.json")).isEqualTo(2);
        assertThat(err()).isEqualTo("cascade lint: tree file \"examples/cache-crash.json\" is given twice; give it once\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void list_prints_every_entry() {
        assertThat(cascade("catalog", "list")).isZero();
        for (Catalog entry : Catalog.values()) {
            assertThat(out()).contains(entry.id()).contains(entry.entry().name());
        }
    }

    @Test
    void show_prints_one_entrys_story_and_an_unknown_id_is_bad_usage() {
        assertThat(cascade("catalog", "show", "init-trap")).isZero();
        assertThat(out()).startsWith("The init trap (init-trap)").contains("Problem: A supervisor starts its children one at a time")
                .contains("Check: boundedRecovery(root/ledger, 1000 ms)").contains("handle_continue");
        assertThat(out()).contains("Probe: cascade catalog probe TREE.json, or from Java Catalog.INIT_TRAP.probe(spec) on your "
                + "SupervisorSpec");
        out.reset();
        assertThat(cascade("catalog", "show", "blocking-call-in-handler")).isZero();
        assertThat(out()).contains("Probe: on Java trees only: its fault is a slow method of your own code (Fault.delayIn through the "
                + "agent), which a tree file does not have; from Java, name the methods of your code that may block: "
                + "Catalog.BLOCKING_CALL_IN_HANDLER.probe(spec, MethodMatch.method(PriceClient.class, \"quote\"))");
        assertThat(cascade("catalog", "show", "init-trapp")).isEqualTo(2);
        assertThat(err()).contains("no catalog entry \"init-trapp\" (entries: silent-cascade, ");
    }

    @Test
    void run_shows_each_story_caught_with_its_verdicts_and_html_reports(@TempDir Path dir) {
        assertThat(cascade("catalog", "run", "--out", dir.toString())).as(err()).isZero();
        for (Catalog entry : Catalog.values()) {
            assertThat(out()).contains(entry.id() + "-bad: FAIL ").contains(entry.id() + "-fixed: PASS " + entry.check().name());
            assertThat(dir.resolve(entry.id() + "-bad.html")).isRegularFile();
            assertThat(dir.resolve(entry.id() + "-fixed.html")).isRegularFile();
        }
        assertThat(out()).doesNotContain("NOT CAUGHT");
    }

    @Test
    void probe_prints_a_table_and_exits_1_when_a_probe_finds_its_problem(@TempDir Path dir) throws IOException {
        Path tree = dir.resolve("payments.json");
        Files.writeString(tree, """
                { "format": "cascade-scenario/1", "name": "payments",
                  "tree": { "id": "payments", "supervisor": true, "intensity": 5, "period_s": 10, "children": [
                    { "id": "gateway", "init": { "delay_ms": 3000 } }, { "id": "ledger" } ] },
                  "faults": [], "settle_ms": 0 }""");
        assertThat(cascade("catalog", "probe", tree.toString())).isEqualTo(1);
        assertThat(out()).contains("init-trap                  FOUND    payments/gateway: payments/gateway's init takes 3000 ms")
                .contains("silent-cascade             clean")
                .contains("1 finding(s) in " + tree);
    }

    @Test
    void probe_exits_0_on_a_clean_tree_and_2_on_a_missing_file(@TempDir Path dir) throws IOException {
        Path tree = dir.resolve("clean.json");
        Files.writeString(tree, """
                { "format": "cascade-scenario/1", "name": "clean",
                  "tree": { "id": "root", "supervisor": true, "intensity": 5, "period_s": 10, "children": [ { "id": "a" } ] },
                  "faults": [], "settle_ms": 0 }""");
        assertThat(cascade("catalog", "probe", tree.toString())).as(out()).isZero();
        assertThat(out()).contains("no probe found its problem in " + tree);
        assertThat(cascade("catalog", "probe", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err()).contains("cascade: cannot read scenario file " + dir.resolve("missing.json") + ": no such file");
    }

    @Test
    void lint_prints_located_findings_and_exits_1_and_0_when_clean(@TempDir Path dir) throws IOException {
        Path tree = dir.resolve("tree.json");
        Files.writeString(tree, """
                { "format": "cascade-scenario/1", "name": "t",
                  "tree": { "id": "root", "supervisor": true, "children": [ { "id": "a" } ] },
                  "faults": [], "settle_ms": 0 }""");
        assertThat(cascade("lint", tree.toString())).isEqualTo(1);
        assertThat(out()).contains(tree + ": tree.intensity: the root root keeps the default intensity").contains("lint: 1 finding(s)");
        Files.writeString(tree, Files.readString(tree).replace("\"supervisor\": true,", "\"supervisor\": true, \"intensity\": 5, \"period_s\": 30,"));
        out.reset();
        assertThat(cascade("lint", tree.toString())).isZero();
        assertThat(out()).contains("lint: nothing found");
        assertThat(cascade("lint")).isEqualTo(2);
    }

    @Test
    void a_repeated_out_flag_is_refused_like_cascade_runs(@TempDir Path dir) {
        assertThat(cascade("catalog", "run", "init-trap", "--out", dir.resolve("a").toString(), "--out", dir.resolve("b").toString()))
                .isEqualTo(2);
        assertThat(err()).startsWith("cascade: --out is given twice (\"" + dir.resolve("a") + "\" and \"" + dir.resolve("b")
                + "\"); give it once").contains("usage: cascade catalog list");
        assertThat(dir.resolve("a")).doesNotExist();
    }

    @Test
    void an_unknown_flag_and_a_flag_without_its_value_are_refused() {
        assertThat(cascade("catalog", "run", "--seed", "3")).isEqualTo(2);
        assertThat(err()).startsWith("cascade: unknown option \"--seed\" (expected: --out DIR)");
        err.reset();
        assertThat(cascade("catalog", "run", "init-trap", "--out")).isEqualTo(2);
        assertThat(err()).startsWith("cascade: --out needs a value: --out DIR");
        err.reset();
        assertThat(cascade("catalog", "list", "--out", "x")).isEqualTo(2);
        assertThat(err()).startsWith("cascade: unknown option \"--out\" (this command takes no options)");
    }

    @Test
    void an_unknown_entry_id_is_echoed_cut_to_80_characters() {
        assertThat(cascade("catalog", "show", "x".repeat(200))).isEqualTo(2);
        assertThat(err()).contains("no catalog entry \"" + "x".repeat(80) + "… (200 characters)\" (entries: silent-cascade, ");
    }

    @Test
    void lint_refuses_a_missing_file_and_an_invalid_one_at_its_location_with_status_2(@TempDir Path dir) throws IOException {
        assertThat(cascade("lint", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("cascade: cannot read scenario file " + dir.resolve("missing.json") + ": no such file"
                + System.lineSeparator());
        err.reset();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                { "format": "cascade-scenario/1", "name": "t",
                  "tree": { "id": "root", "supervisor": true, "children": [ { "id": "a", "continue_ms": -5 } ] },
                  "faults": [], "settle_ms": 0 }""");
        assertThat(cascade("lint", bad.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo(bad + ": tree.children[0].continue_ms: expected an integer from 0 to 3153600000000 but was -5"
                + System.lineSeparator());
    }
}
