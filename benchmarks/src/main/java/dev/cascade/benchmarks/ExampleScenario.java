package dev.cascade.benchmarks;

import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.OutcomeReader;
import dev.cascade.scenario.OutcomeWriter;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The example of scenario-format.md, {@code scenarios/examples/cache-crash.json}, and its expected
 * outcome, both copied into the jar by the build.
 */
public final class ExampleScenario {
    private static final String SCENARIO = "/scenarios/cache-crash.json";
    private static final String OUTCOME = "/scenarios/cache-crash.outcome.json";

    private ExampleScenario() {}

    public static Scenario cacheCrash() {
        return ScenarioReader.read(resource(SCENARIO));
    }

    /** Fails unless {@code actual} is the example's documented outcome (times ignored). */
    static Outcome requireDocumentedOutcome(Outcome actual) {
        if (!isDocumented(actual)) {
            throw new IllegalStateException(difference(actual));
        }
        return actual;
    }

    /**
     * Prints a warning unless {@code actual} is the documented outcome: on the real scheduler a
     * different outcome is a finding to report, not a reason to lose the measurement.
     */
    static void warnUnlessDocumented(Outcome actual) {
        if (!isDocumented(actual)) {
            System.err.println("WARNING: " + difference(actual));
        }
    }

    private static boolean isDocumented(Outcome actual) {
        return actual.equalsIgnoringTimes(OutcomeReader.read(resource(OUTCOME)));
    }

    private static String difference(Outcome actual) {
        return "cache-crash.json did not give its documented outcome (cache-crash.outcome.json); it gave:\n"
                + OutcomeWriter.write(actual);
    }

    private static String resource(String name) {
        try (InputStream in = ExampleScenario.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not in the benchmarks jar; rebuild it with mvn install");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the benchmarks jar", e);
        }
    }
}
