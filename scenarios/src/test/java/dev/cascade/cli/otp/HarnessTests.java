package dev.cascade.cli.otp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Erlang harness itself: it compiles into its cache once, and its pieces pass their checks in {@code erl}. */
class HarnessTests {
    private static final String ENABLE = "Erlang/OTP is not installed (no erl and erlc on the PATH), so the harness"
            + " checks are skipped; to run them, install OTP 25 or newer (Debian/Ubuntu: apt-get install -y erlang-base"
            + " erlang-dev)";

    @BeforeEach
    void needs_erlang() {
        String path = System.getenv("PATH");
        assumeTrue(path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "erl"))), ENABLE);
    }

    private static Harness harness(Path cache) throws Harness.MissingErlang {
        return Harness.find(System.getenv("PATH"), Map.of("XDG_CACHE_HOME", cache.toString()));
    }

    @Test
    void compiles_every_module_into_a_directory_named_by_the_sources_and_reuses_it(@TempDir Path cache) throws Exception {
        Harness harness = harness(cache);
        Path beams = harness.compiled();
        assertThat(beams.getParent()).isEqualTo(cache.resolve("cascade").resolve("otp"));
        assertThat(Harness.MODULES).allSatisfy(module -> assertThat(beams.resolve(module + ".beam")).isRegularFile());
        long compiledAt = Files.getLastModifiedTime(beams.resolve("cascade_otp.beam")).toMillis();
        assertThat(harness.compiled()).isEqualTo(beams);
        assertThat(Files.getLastModifiedTime(beams.resolve("cascade_otp.beam")).toMillis()).isEqualTo(compiledAt);
        assertThat(harness.otpRelease()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void the_json_codec_and_the_canonical_order_pass_their_checks(@TempDir Path cache) throws Exception {
        Path beams = harness(cache).compiled();
        Path tests = Files.createDirectories(cache.resolve("tests"));
        try (InputStream source = HarnessTests.class.getResourceAsStream("cascade_otp_tests.erl")) {
            Files.write(tests.resolve("cascade_otp_tests.erl"), source.readAllBytes());
        }
        assertThat(run(List.of("erlc", "-o", tests.toString(), tests.resolve("cascade_otp_tests.erl").toString()))).isEmpty();
        assertThat(run(List.of("erl", "-noshell", "-pa", beams.toString(), "-pa", tests.toString(),
                "-eval", "cascade_otp_tests:run(), halt().")).strip()).isEqualTo("ok");
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}
