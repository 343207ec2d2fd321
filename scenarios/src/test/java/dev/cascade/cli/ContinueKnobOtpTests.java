package dev.cascade.cli;

import dev.cascade.cli.otp.OtpCommand;
import dev.cascade.scenario.OutcomeEvent;
import dev.cascade.scenario.OutcomeReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code cascade otp} runs the worker knob {@code continue_ms} on real OTP ({@code {continue, …}}
 * from init, the work in {@code handle_continue}) and agrees with Cascade's run. Skipped without
 * {@code erl} and {@code erlc} on the PATH.
 */
class ContinueKnobOtpTests {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void needs_erlang() {
        assumeTrue(OtpCommandTests.erlangInstalled(), OtpCommandTests.ENABLE);
    }

    private int otp(String... args) {
        return new OtpCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                OtpCommandTests.env()).execute(List.of(args));
    }

    @Test
    void a_worker_that_continues_agrees_with_otp_and_its_sibling_killed_meanwhile_is_restarted_at_once(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("continues.json");
        Files.writeString(file, """
                { "format": "cascade-scenario/1", "name": "continues",
                  "tree": { "id": "root", "intensity": 5, "period_s": 30, "children": [
                    { "id": "gateway", "continue_ms": 700 }, { "id": "ledger" } ] },
                  "faults": [ { "at_ms": 200, "target": "root/gateway", "kind": "kill" },
                              { "at_ms": 400, "target": "root/ledger", "kind": "kill" } ],
                  "settle_ms": 600 }
                """);

        int status = otp(file.toString(), "--out", dir.toString());

        assertThat(status).as(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 compared: 1 agree, 0 differ; 0 set aside");
        assertThat(OutcomeReader.read(dir.resolve("continues.otp.outcome.json")).withoutTimes().events())
                .as("the ledger's kill at 400 ms falls inside the gateway's 700 ms of work: set aside if that work blocked the supervisor")
                .endsWith(new OutcomeEvent.Exited("root/gateway", 1, "killed"),
                        new OutcomeEvent.Started("root/gateway", 2), new OutcomeEvent.Exited("root/ledger", 1, "killed"),
                        new OutcomeEvent.Started("root/ledger", 2));
    }
}
