package dev.cascade.cli.otp;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OtpArgumentsTests {
    private static final String FILE = "examples/cache-crash.json";

    @Test
    void files_and_every_option_are_read() {
        OtpArguments parsed = OtpArguments.parse(List.of(FILE, "--out", "x", "--generate", "5", "--seed", "9",
                "--parallel", "2", "--skip-additions"));
        assertThat(parsed).isEqualTo(new OtpArguments(List.of(Path.of(FILE)), Path.of("x"), 5, 9, 2, true));
    }

    @Test
    void the_defaults_are_cascade_otp_out_seed_1_and_8_at_a_time() {
        assertThat(OtpArguments.parse(List.of(FILE)))
                .isEqualTo(new OtpArguments(List.of(Path.of(FILE)), Path.of("cascade-otp-out"), 0, 1, 8, false));
    }

    @Test
    void bad_usage_says_what_is_wrong() {
        assertThatThrownBy(() -> OtpArguments.parse(List.of())).hasMessage("otp needs at least one scenario FILE or --generate N");
        assertThatThrownBy(() -> OtpArguments.parse(List.of("nope.json"))).hasMessage("no such scenario file: nope.json");
        assertThatThrownBy(() -> OtpArguments.parse(List.of(FILE, "--seed", "3")))
                .hasMessage("--seed is the generator's seed and needs --generate N");
        assertThatThrownBy(() -> OtpArguments.parse(List.of("--generate", "0")))
                .hasMessage("--generate must be between 1 and 100000, got 0");
        assertThatThrownBy(() -> OtpArguments.parse(List.of("--generate", "many")))
                .hasMessage("--generate needs a whole number, got \"many\"");
        assertThatThrownBy(() -> OtpArguments.parse(List.of(FILE, "--fast")))
                .hasMessageStartingWith("unknown option \"--fast\"");
        assertThatThrownBy(() -> OtpArguments.parse(List.of("--generate", "2", "--seed", "1", "--seed", "2")))
                .hasMessage("--seed is given twice (\"1\" and \"2\"); give it once");
    }

    @Test
    void a_file_named_after_double_dash_is_a_file_not_a_flag() {
        assertThatThrownBy(() -> OtpArguments.parse(List.of("--", "--out"))).hasMessage("no such scenario file: --out");
    }
}
