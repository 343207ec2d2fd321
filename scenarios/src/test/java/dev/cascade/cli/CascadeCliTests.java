package dev.cascade.cli;

import dev.cascade.scenario.OutcomeReader;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.TraceFile;
import dev.cascade.trace.TraceRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CascadeCliTests {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cascade(String... args) {
        return new CascadeCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Nested
    class a_valid_file {
        @Test
        void prints_the_final_tree_and_the_events_and_writes_the_outcome(@TempDir Path dir) throws IOException {
            int status = cascade("run", "examples/rest-for-one.json", "--out", dir.toString());

            assertThat(status).isZero();
            assertThat(stdout())
                    .contains("scenario rest-for-one")
                    .contains("├─ b  #2")
                    .contains("└─ d  -")
                    .contains("exited                root/b #1 (error:boom)")
                    .contains("outcome written to " + dir.resolve("rest-for-one.outcome.json"));
            assertThat(OutcomeReader.read(Files.readString(dir.resolve("rest-for-one.outcome.json"))).finalIncarnations())
                    .containsEntry("root/b", 2)
                    .containsEntry("root/d", null);
        }
    }

    @Nested
    class a_file_with_a_dynamic_supervisor {
        @Test
        void prints_the_children_by_key_and_their_events_and_writes_their_final_incarnations(@TempDir Path dir) throws IOException {
            int status = cascade("run", "examples/user-sessions.json", "--out", dir.toString());

            assertThat(status).as(stderr()).isZero();
            assertThat(stdout())
                    .contains("└─ sessions (dynamic supervisor)  #2")
                    .contains("├─ alice (session, started at 0 ms)  -")
                    .contains("└─ carol (session, started at 200 ms)  -")
                    .contains("start_failed          root/sessions/carol (max_children)")
                    .contains("exited                root/sessions/alice #1 (error:boom)")
                    .contains("started               root/sessions/alice #2");
            assertThat(OutcomeReader.read(Files.readString(dir.resolve("user-sessions.outcome.json"))).finalIncarnations())
                    .containsEntry("root/sessions", 2)
                    .containsEntry("root/sessions/alice", null)
                    .containsEntry("root/sessions/carol", null);
        }

        @Test
        void a_spec_over_two_keys_fails_with_the_cascade_from_one_sessions_crash_loop_to_the_other(@TempDir Path dir)
                throws IOException {
            Path file = dir.resolve("user-sessions.json");
            Files.writeString(file, Files.readString(Path.of("examples/user-sessions.json")).replace("\"settle_ms\": 500",
                    "\"settle_ms\": 500, \"specs\": [\"isolation(root/sessions/alice, root/sessions/bob)\"]"));

            int status = cascade("run", file.toString(), "--out", dir.resolve("out").toString());

            assertThat(status).as(stderr()).isEqualTo(1);
            assertThat(stdout()).contains("FAIL isolation(root/sessions/alice, root/sessions/bob): a fault under"
                            + " root/sessions/alice caused 1 exit(s) or restart(s) under root/sessions/bob")
                    .contains("→ root/sessions#1 gave up (2 restarts > intensity 1 in 5 s)")
                    .contains("→ root/sessions/bob#1 exited shutdown");
        }
    }

    @Nested
    class with_trace_dir {
        @Test
        void writes_the_run_as_a_cascade_trace_file_that_reads_back_with_the_scenario_its_seed_and_its_events(@TempDir Path dir)
                throws IOException {
            Path traces = dir.resolve("traces");

            int status = cascade("run", "examples/cache-crash.json", "--out", dir.toString(), "--seed", "9", "--trace",
                    traces.toString());

            assertThat(status).isZero();
            Path file = traces.resolve("cache-crash.trace.json");
            assertThat(stdout()).contains("trace written to " + file);
            TraceRecord trace = TraceFile.read(file);
            assertThat(trace.name()).isEqualTo("cache-crash");
            assertThat(trace.scheduler().seed()).hasValue(9);
            assertThat(trace.tree().paths()).contains("root/app/cache");
            assertThat(trace.trace().events(TraceEvent.Exited.class)).extracting(exited -> exited.reason().describe())
                    .contains("error:boom", "killed");
            assertThat(trace.ledger()).hasSize(2);
        }

        @Test
        void is_a_directory_the_option_needs() {
            assertThat(cascade("run", "examples/cache-crash.json", "--trace")).isEqualTo(2);
            assertThat(stderr()).contains("--trace needs a value: --trace DIR");
        }
    }

    @Nested
    class bad_input_exits_with_status_2_and_runs_nothing {
        @Test
        void an_invalid_scenario_names_the_location_the_expected_values_and_what_was_found(@TempDir Path dir)
                throws IOException {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, Files.readString(Path.of("examples/cache-crash.json"))
                    .replace("\"restart\": \"temporary\"", "\"restart\": \"always\""));

            int status = cascade("run", "examples/rest-for-one.json", file.toString(), "--out", dir.toString());

            assertThat(status).isEqualTo(2);
            assertThat(stderr()).isEqualTo(file + ": tree.children[1].children[1].restart: expected one of "
                    + "permanent, transient, temporary but was \"always\"" + System.lineSeparator());
            assertThat(dir.resolve("rest-for-one.outcome.json")).doesNotExist();
            assertThat(stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        }

        @Test
        void a_fault_the_plan_cannot_bind_is_named_at_its_location_without_a_stack_trace(@TempDir Path dir)
                throws IOException {
            Path file = dir.resolve("unbindable.json");
            Files.writeString(file, Files.readString(Path.of("examples/cache-crash.json")).replace(
                    "\"kind\": \"raise\", \"reason\": \"boom\"", "\"kind\": \"slow_handling\", \"delay_ms\": 9000000000000"));

            int status = cascade("run", "examples/rest-for-one.json", file.toString(), "--out", dir.toString());

            assertThat(status).isEqualTo(2);
            assertThat(stderr()).isEqualTo(file + ": faults[0].delay_ms: expected an integer from 1 to 3153600000000 but was 9000000000000"
                    + System.lineSeparator());
            assertThat(stderr()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(dir.resolve("rest-for-one.outcome.json")).doesNotExist();
        }

        @Test
        void a_missing_file_is_named() {
            assertThat(cascade("run", "examples/nope.json")).isEqualTo(2);
            assertThat(stderr()).isEqualTo("cascade: cannot read scenario file examples/nope.json: no such file" + System.lineSeparator());
        }

        @Test
        void an_unknown_command_shows_the_usage() {
            assertThat(cascade("go")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade: unknown command \"go\" (expected: run, otp, catalog, lint, campaign)").contains("usage: cascade run FILE...");
        }

        @Test
        void run_without_files_is_refused() {
            assertThat(cascade("run", "--out", "x")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade: run needs at least one scenario FILE");
        }

        @Test
        void out_without_a_directory_is_refused() {
            assertThat(cascade("run", "examples/rest-for-one.json", "--out")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade: --out needs a value: --out DIR");
        }

        @Test
        void an_unknown_option_is_refused() {
            assertThat(cascade("run", "--fast", "examples/rest-for-one.json")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade: unknown option \"--fast\" (expected: --check-determinism, --max-seconds S, --max-steps N, "
                    + "--out DIR, --real, --report DIR, --seed N, --sim, --trace DIR)");
        }

        @Test
        void a_seed_that_is_not_a_whole_number_is_refused_with_what_was_given() {
            assertThat(cascade("run", "examples/rest-for-one.json", "--seed", "forty-two")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade: --seed needs a whole number between -9223372036854775808 and "
                    + "9223372036854775807, got \"forty-two\"");
        }

        @Test
        void a_seed_without_a_value_is_refused() {
            assertThat(cascade("run", "examples/rest-for-one.json", "--seed")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade: --seed needs a value: --seed N");
        }

        @Test
        void real_with_a_seed_is_refused_because_seeds_are_for_simulated_runs() {
            assertThat(cascade("run", "examples/rest-for-one.json", "--real", "--seed", "3")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade: --real runs on the real clock and cannot be combined with --seed");
        }
    }

    @Nested
    class simulated_runs {
        @Test
        void are_the_default_and_say_their_seed_backend_and_how_to_replay(@TempDir Path dir) {
            assertThat(cascade("run", "examples/cache-crash.json", "--out", dir.toString())).isZero();
            assertThat(stdout())
                    .contains("scenario cache-crash (simulated from seed 0, executor backend, 10 events)")
                    .contains("    100 ms  exited                root/app/cache #1 (error:boom)")
                    .contains("simulation: seed 0, executor backend, ")
                    .contains("reproducible (replay with --seed 0)");
        }

        @Test
        void replay_from_the_seed_given(@TempDir Path dir) throws IOException {
            assertThat(cascade("run", "examples/killed-supervisor.json", "--sim", "--seed", "42", "--out", dir.toString())).isZero();
            String first = Files.readString(dir.resolve("killed-supervisor.outcome.json"));
            assertThat(stdout()).contains("seed 42").contains("(replay with --seed 42)");
            assertThat(cascade("run", "examples/killed-supervisor.json", "--seed", "42", "--out", dir.toString())).isZero();
            assertThat(Files.readString(dir.resolve("killed-supervisor.outcome.json"))).isEqualTo(first);
        }

        @Test
        void check_their_own_determinism_when_asked(@TempDir Path dir) {
            assertThat(cascade("run", "examples/nested-give-up.json", "--seed", "5", "--check-determinism", "--out", dir.toString()))
                    .isZero();
            assertThat(stdout()).containsPattern("determinism check: reproducible: two runs from seed 5 took the same \\d+ steps");
        }
    }

    @Test
    void the_summary_ends_with_the_fault_ledger_and_the_messages_of_each_path_that_got_any(@TempDir Path dir) {
        assertThat(cascade("run", "examples/silent-cascade.json", "--out", dir.toString())).isZero();

        assertThat(stdout())
                .contains("fault ledger:\n  faults[0] breach_intensity root/store/db: fired, 3 hits from 1010 ms to 1010 ms"
                        + " (failure 1 of 3 (intensity 2 in 5000 ms), ...)")
                .contains("messages at the end (sent = handled + dropped + lost + queued):")
                .containsPattern("  root/store/db +sent 75 = handled \\d+ \\+ dropped 0 \\+ lost 30 \\+ queued \\d+")
                .doesNotContainPattern("\\n  root/ingest +sent");
    }

    @Test
    void real_runs_stay_available_with_real(@TempDir Path dir) {
        assertThat(cascade("run", "examples/rest-for-one.json", "--real", "--out", dir.toString())).isZero();
        assertThat(stdout()).contains("scenario rest-for-one (real scheduler, ").doesNotContain("simulation:");
    }

    @Test
    void help_prints_the_usage() {
        assertThat(cascade("--help")).isZero();
        assertThat(stdout()).startsWith("usage: cascade run FILE... [--out DIR]");
    }
}
