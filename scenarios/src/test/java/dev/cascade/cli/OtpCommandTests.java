package dev.cascade.cli;

import dev.cascade.cli.otp.OtpCommand;
import dev.cascade.scenario.OutcomeReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code cascade otp} with real files. The checks against real Erlang/OTP need {@code erl} and
 * {@code erlc} on the PATH and are skipped without them; the rest runs everywhere.
 */
class OtpCommandTests {
    static final String ENABLE = "Erlang/OTP is not installed (no erl and erlc on the PATH), so the cross-check against"
            + " real OTP is skipped; to run it, install OTP 25 or newer (Debian/Ubuntu: apt-get install -y erlang-base"
            + " erlang-dev)";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int otp(Map<String, String> env, String... args) {
        return new OtpCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).execute(List.of(args));
    }

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

    static boolean erlangInstalled() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "erl")) && Files.isExecutable(Path.of(dir, "erlc")));
    }

    /** The environment with the harness compiled into a cache under target/, not the user's home. */
    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("XDG_CACHE_HOME", Path.of("target", "otp-cache").toAbsolutePath().toString());
        return env;
    }

    static String[] examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            return files.map(Path::toString).filter(f -> f.endsWith(".json") && !f.endsWith(".outcome.json")).sorted()
                    .toArray(String[]::new);
        }
    }

    @Nested
    class Without_erlang {

        @Test
        void exits_3_naming_the_packages_to_install() {
            Map<String, String> env = new HashMap<>(env());
            env.put("PATH", "/nonexistent");
            assertThat(otp(env, "examples/cache-crash.json")).isEqualTo(3);
            assertThat(stderr()).isEqualTo("cascade otp: cascade otp needs Erlang/OTP 25 or newer, but erl is not on the"
                    + " PATH. Install it (Debian/Ubuntu: apt-get install -y erlang-base erlang-dev; other systems: OTP 25 or"
                    + " newer from https://www.erlang.org/downloads) and run the command again.\n");
        }

        @Test
        void a_cascade_addition_is_refused_at_its_location_with_status_2() {
            assertThat(cascade("otp", "examples/silent-cascade.json")).isEqualTo(2);
            assertThat(stderr()).startsWith("examples/silent-cascade.json: tree.children[0].sends: cascade otp runs scenarios"
                    + " on real OTP supervisors and gen_servers, which have no counterpart for this Cascade addition");
        }

        @Test
        void a_repeated_flag_is_refused_with_status_2_as_cascade_run_refuses_it() {
            assertThat(cascade("otp", "examples/cache-crash.json", "--out", "a", "--out", "b")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade otp: --out is given twice (\"a\" and \"b\"); give it once\n"
                    + "usage: cascade otp FILE...");
            err.reset();
            assertThat(cascade("otp", "--generate", "3", "--skip-additions", "--skip-additions")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade otp: --skip-additions is given twice; give it once\n");
            assertThat(stdout()).isEmpty();
        }

        @Test
        void a_file_given_twice_is_refused_and_help_prints_the_usage_with_status_0() {
            assertThat(cascade("otp", "examples/cache-crash.json", "examples/cache-crash.json")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade otp: scenario file \"examples/cache-crash.json\" is given twice;"
                    + " give it once\nusage: cascade otp FILE...");
            err.reset();
            assertThat(cascade("otp", "--help")).isZero();
            assertThat(stdout()).startsWith("usage: cascade otp FILE...");
            assertThat(stderr()).isEmpty();
        }

        @Test
        void an_unknown_flag_or_a_flag_without_its_value_is_refused_with_status_2() {
            assertThat(cascade("otp", "examples/cache-crash.json", "--fast")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade otp: unknown option \"--fast\" (expected: --generate N, --out DIR,"
                    + " --parallel P, --seed S, --skip-additions)\n");
            err.reset();
            assertThat(cascade("otp", "examples/cache-crash.json", "--out")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade otp: --out needs a value: --out DIR\n");
        }

        @Test
        void an_invalid_file_is_refused_with_status_2(@TempDir Path dir) throws IOException {
            Path bad = dir.resolve("bad.json");
            Files.writeString(bad, Files.readString(Path.of("examples/cache-crash.json")).replace("\"raise\"", "\"explode\""));
            assertThat(cascade("otp", bad.toString())).isEqualTo(2);
            assertThat(stderr()).startsWith(bad + ": faults[0].kind: expected one of");
        }
    }

    @Nested
    class With_an_otp_that_disagrees {

        /** A stand-in for erl and erlc on the PATH: its "OTP run" writes the expected outcome with the last restart replaced. */
        private Map<String, String> fakeOtp(Path dir) throws IOException {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Files.writeString(bin.resolve("erlc"), """
                    #!/bin/sh
                    # erlc -o DIR FILE...: a .beam for every source
                    out="$2"; shift 2
                    for f in "$@"; do touch "$out/$(basename "$f" .erl).beam"; done
                    """);
            Files.writeString(bin.resolve("erl"), """
                    #!/bin/sh
                    # erl -noshell -eval ...: the release; erl -noshell -pa DIR -run cascade_otp main P IN OUT...
                    if [ "$2" = "-eval" ]; then printf 25; exit 0; fi
                    shift 7
                    while [ $# -gt 1 ]; do
                      sed -e 's|"type": "started", "path": "root/db", "incarnation": 2|"type": "fault_skipped", "path": "root/db"|' \\
                          -e 's|"root/db": 2|"root/db": null|' %s > "$2"
                      shift 2
                    done
                    """.formatted(Path.of("examples/cache-crash.outcome.json").toAbsolutePath()));
            for (String tool : List.of("erl", "erlc")) {
                bin.resolve(tool).toFile().setExecutable(true);
            }
            Map<String, String> env = new HashMap<>(env());
            env.put("PATH", bin + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/bin");
            env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
            return env;
        }

        @Test
        void exits_1_printing_the_first_differing_event_and_a_diff(@TempDir Path dir) throws IOException {
            int status = otp(fakeOtp(dir), "examples/cache-crash.json", "--out", dir.resolve("out").toString());

            assertThat(status).as(stdout() + stderr()).isEqualTo(1);
            assertThat(stdout()).contains("""
                    examples/cache-crash.json (cache-crash): DIFFERENT from OTP
                      first difference at event 10:
                        cascade: started root/db #2
                        otp:     fault_skipped root/db
                      events (- cascade only, + otp only):
                          started root/db #1
                    """).contains("""
                          exited root/db #1 killed
                        - started root/db #2
                        + fault_skipped root/db
                      final incarnations differ:
                        root/db: cascade 2, otp null
                    1 compared: 0 agree, 1 differ; 0 set aside""");
            assertThat(dir.resolve("out").resolve("cache-crash.cascade.outcome.json")).exists();
        }
    }

    @Nested
    class Against_real_otp {

        @BeforeEach
        void needs_erlang() {
            assumeTrue(erlangInstalled(), ENABLE); // each test shows as skipped, with this message in its report
        }

        @Test
        void every_example_otp_can_run_agrees_with_otp(@TempDir Path dir) throws IOException {
            List<String> args = new ArrayList<>(List.of(examples()));
            args.addAll(List.of("--skip-additions", "--out", dir.toString()));
            int status = otp(env(), args.toArray(String[]::new));

            assertThat(status).as(stdout() + stderr()).isZero();
            long runnable = args.size() - 3 - 2; // silent-cascade and user-sessions use additions
            assertThat(stdout()).contains("examples/silent-cascade.json: skipped: tree.children[0].sends")
                    .contains("examples/user-sessions.json: skipped: tree.children[1].supervisor")
                    .contains(runnable + " compared: " + runnable + " agree, 0 differ; 0 set aside");
            assertThat(OutcomeReader.read(dir.resolve("killed-supervisor.otp.outcome.json")).withoutTimes())
                    .isEqualTo(OutcomeReader.read(Path.of("examples/killed-supervisor.outcome.json")).withoutTimes());
        }

        @Test
        void generated_scenarios_agree_with_otp(@TempDir Path dir) {
            int status = otp(env(), "--generate", "16", "--seed", "5", "--out", dir.toString());

            assertThat(status).as(stdout() + stderr()).isZero();
            assertThat(stdout()).contains(" 0 differ;").doesNotContain("DIFFERENT");
            assertThat(dir.resolve("generated").resolve("gen-5-15.json")).exists();
        }

        @Test
        void i6_a_scenario_where_whole_seconds_and_exact_time_decide_differently_is_set_aside_not_a_difference(
                @TempDir Path dir) throws IOException {
            Path file = dir.resolve("whole-seconds.json");
            Files.writeString(file, """
                    { "format": "cascade-scenario/1", "name": "whole-seconds",
                      "tree": { "id": "root", "intensity": 1, "period_s": 1, "children": [ { "id": "a" } ] },
                      "faults": [ { "at_ms": 300, "target": "root/a", "kind": "raise", "reason": "boom" },
                                  { "at_ms": 1500, "target": "root/a", "kind": "raise", "reason": "boom" } ],
                      "settle_ms": 300 }
                    """);
            int status = otp(env(), file.toString(), "--out", dir.toString());

            assertThat(status).as(stdout() + stderr()).isZero();
            assertThat(stdout()).contains("(whole-seconds): set aside: root counts 1 restarts within 1 s at 1500 ms in exact"
                    + " time but 2 in OTP 25's whole seconds, against intensity 1 (the outcomes differ; not counted)")
                    .contains("0 compared: 0 agree, 0 differ; 1 set aside");
            assertThat(OutcomeReader.read(dir.resolve("whole-seconds.otp.outcome.json")).finalIncarnations())
                    .as("OTP 25 gave up: both restarts fell within one whole-second window").containsEntry("root", null);
        }
    }
}
