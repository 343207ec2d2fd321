package dev.cascade.scenario;

import dev.cascade.chaos.FaultLedger;
import dev.cascade.scenario.internal.Checks;
import dev.cascade.scenario.internal.TraceOutcome;
import dev.cascade.trace.Accounting;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TreeShape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a scenario run went through: its ordered lifecycle events and which incarnation of each
 * path was alive at the end, plus two sections about this run only: what became of each fault
 * (the fault ledger) and where the messages sent to each path went. The Java twin of a
 * {@code cascade-outcome/1} file ({@link OutcomeWriter}, {@link OutcomeReader}).
 *
 * <pre>{@code
 * Outcome expected = OutcomeReader.read(Path.of("cache-crash.outcome.json"));
 * boolean same = actual.equalsIgnoringTimes(expected);         // events and final, as OTP gives them
 * long lost = actual.messages().get("root/db").lost();           // messages queued at root/db when it died
 * }</pre>
 *
 * <p>Comparisons ({@link #equalsIgnoringTimes}, {@link #withoutTimes}) cover the events and the
 * final state: the part of an outcome Erlang/OTP gives too. The ledger and the messages depend on
 * the runtime's timing (on the real scheduler) and have no OTP counterpart; they are not compared.
 *
 * @param scenario          the scenario's name, {@code [a-z0-9_-]+}
 * @param events            in the order they happened
 * @param finalIncarnations every path (in the scenario's path order) to the incarnation alive at
 *                          the end (>= 1), or {@code null} if none; iteration order is kept
 * @param ledger            what became of each fault, in the scenario's fault order; empty when not recorded
 * @param messages          per path (in the scenario's path order), the messages sent to it and where
 *                          they went, measured at the end of the run before the tree is stopped;
 *                          empty when not recorded
 */
public record Outcome(String scenario, List<OutcomeEvent> events, Map<String, Integer> finalIncarnations,
                      List<FaultOutcome> ledger, Map<String, Accounting> messages) {

    /** Validates every component and copies the collections; see the parameters for the rules. */
    public Outcome {
        Checks.matching("scenario name", scenario, Checks.NAME);
        events = List.copyOf(Checks.notNull("events", events));
        Checks.notNull("finalIncarnations", finalIncarnations);
        finalIncarnations.forEach((path, incarnation) -> {
            Checks.matching("path in finalIncarnations", path, Checks.PATH);
            if (incarnation != null) {
                Checks.atLeast("final incarnation of " + path, incarnation, 1);
            }
        });
        finalIncarnations = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(finalIncarnations));
        ledger = List.copyOf(Checks.notNull("ledger", ledger));
        Checks.notNull("messages", messages);
        messages.forEach((path, accounting) -> {
            Checks.matching("path in messages", path, Checks.PATH);
            Objects.requireNonNull(accounting, () -> "messages of " + path + " must not be null");
        });
        messages = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(messages));
    }

    /** An outcome of events and final state only, without ledger and messages (as expected outcomes are written). */
    public Outcome(String scenario, List<OutcomeEvent> events, Map<String, Integer> finalIncarnations) {
        this(scenario, events, finalIncarnations, List.of(), Map.of());
    }

    /**
     * The outcome of a run as a view of its trace: the events and {@code final} are computed from
     * {@code trace} in the canonical order (see scenario-format.md, Outcome), the messages from its
     * accounting per path; {@code faults} is the ledger section as given.
     *
     * <pre>{@code
     * Outcome outcome = Outcome.of("cache-crash", trace, TreeShape.of("root", spec), tree.ledger(), zero, faults);
     * }</pre>
     *
     * @param scenario  the scenario's name
     * @param trace     the run's trace taken at the end of its settle time, before the tree is stopped
     * @param shape     the static tree: its paths are the outcome's (in its order), its supervisors end
     *                  with {@code supervisor_terminated}
     * @param ledger    the run's fault ledger: a skipped fault that acts at once (raise, stop, exit
     *                  signal, kill, flood) is a {@code fault_skipped} event
     * @param zeroNanos fault time zero on the trace's clock: {@code t_ms} counts from it
     * @param faults    the outcome's ledger section
     */
    public static Outcome of(String scenario, Trace trace, TreeShape shape, FaultLedger ledger, long zeroNanos,
                             List<FaultOutcome> faults) {
        TraceOutcome.View view = TraceOutcome.of(trace, shape, ledger, zeroNanos);
        Map<String, Accounting> byPath = trace.accountingByPath();
        Map<String, Accounting> messages = new LinkedHashMap<>();
        shape.paths().forEach(path -> messages.put(path, byPath.getOrDefault(path, Accounting.ZERO)));
        return new Outcome(scenario, view.events(), view.finals(), faults, messages);
    }

    /**
     * The part of this outcome that comparisons use: every event without its time, and the final
     * state. The ledger and the messages, which belong to this run's timing, are left out.
     */
    public Outcome withoutTimes() {
        return new Outcome(scenario, events.stream().map(OutcomeEvent::withoutTime).toList(), finalIncarnations);
    }

    /** Whether both outcomes have the same scenario, events and final state, ignoring {@code t_ms} (and ledger and messages). */
    public boolean equalsIgnoringTimes(Outcome other) {
        return withoutTimes().equals(other.withoutTimes());
    }
}
