package dev.cascade.fuzz;

import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.OutcomeReader;
import dev.cascade.scenario.OutcomeWriter;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioRunner;
import dev.cascade.simulation.RunBudgetExceededException;
import dev.cascade.simulation.SimulatedScheduler;

import java.time.Duration;

/**
 * What the fuzzer accepts as the end of one document: the reader refuses it with a located
 * {@link ScenarioFormatException} whose message is short and escaped, or the document runs on the
 * simulated scheduler to an outcome that reads back equal, or the run stops at its step budget.
 * Anything else — another exception, an error, an outcome that does not read back — is a failure.
 */
final class Oracle {
    /** The step budget of a fuzzed run: generated scenarios need a few thousand steps; a mutated one may ask for years. */
    static final long MAX_STEPS = 30_000;
    /** The longest message a refused document may produce: echoed values are cut. */
    static final int MAX_MESSAGE = 600;

    private Oracle() {}

    /** How one document ended. */
    sealed interface Verdict {
        record Refused(String location) implements Verdict {}

        record Ran(int events) implements Verdict {}

        record OverBudget() implements Verdict {}

        record Failed(String why) implements Verdict {}
    }

    static Verdict judge(byte[] document, long seed) {
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(document);
        } catch (ScenarioFormatException refused) {
            return refused(refused);
        } catch (Throwable other) {
            return failed("the reader threw " + describe(other));
        }
        Outcome outcome;
        try {
            outcome = ScenarioRunner.run(scenario, SimulatedScheduler.builder().seed(seed).maxSteps(MAX_STEPS)
                    .realTimeLimit(Duration.ofSeconds(30)).build());
        } catch (RunBudgetExceededException tooLarge) {
            return tooLarge.budget() == RunBudgetExceededException.Budget.STEPS ? new Verdict.OverBudget()
                    : failed("the run reached its real-time budget, not its step budget: " + tooLarge.getMessage());
        } catch (ScenarioFormatException late) {
            return failed("the runner refused what the reader accepted: " + late.getMessage());
        } catch (Throwable other) {
            return failed("the run threw " + describe(other));
        }
        try {
            Outcome back = OutcomeReader.read(OutcomeWriter.write(outcome));
            return back.equals(outcome) ? new Verdict.Ran(outcome.events().size())
                    : failed("the outcome does not read back equal:\n" + OutcomeWriter.write(outcome));
        } catch (Throwable other) {
            return failed("the outcome does not read back: " + describe(other));
        }
    }

    private static Verdict refused(ScenarioFormatException refused) {
        if (refused.location() == null || refused.location().isBlank()) {
            return failed("refused without a location: " + refused.getMessage());
        }
        String message = refused.getMessage();
        if (message.length() > MAX_MESSAGE) {
            return failed("a message of " + message.length() + " characters (echoed values are cut): "
                    + message.substring(0, 200) + "…");
        }
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < message.length() && Character.isLowSurrogate(message.charAt(i + 1))) {
                i++; // a character beyond the BMP (an emoji): printable
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
                return failed("an unescaped character U+" + String.format("%04X", (int) message.charAt(i)) + " in the message: "
                        + message.substring(0, Math.min(200, message.length())).replaceAll("\\p{C}", "?"));
            }
        }
        return new Verdict.Refused(refused.location());
    }

    private static Verdict failed(String why) {
        return new Verdict.Failed(why);
    }

    private static String describe(Throwable thrown) {
        String text = String.valueOf(thrown);
        StackTraceElement[] stack = thrown.getStackTrace();
        return (text.length() > 300 ? text.substring(0, 300) + "…" : text) + (stack.length > 0 ? " at " + stack[0] : "");
    }
}
