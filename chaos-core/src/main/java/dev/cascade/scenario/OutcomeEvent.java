package dev.cascade.scenario;

import dev.cascade.scenario.internal.Checks;
import java.util.OptionalLong;

/**
 * One lifecycle event of a scenario run, as in the {@code events} of an outcome file. Events
 * compare with their time {@link #tMs()}; compare {@link #withoutTime()} copies (or
 * {@link Outcome#equalsIgnoringTimes(Outcome)}) to ignore it, as outcome comparisons do.
 *
 * <pre>{@code
 * long crashes = outcome.events().stream()
 *         .filter(event -> event instanceof OutcomeEvent.Exited exited && exited.reason().startsWith("error:"))
 *         .count();
 * }</pre>
 */
public sealed interface OutcomeEvent {

    /** The path of the node the event is about, e.g. {@code root/app/cache}. */
    String path();

    /** Milliseconds since fault time zero (negative during start-up), if known. Not compared by outcome comparisons. */
    OptionalLong tMs();

    /** This event without its time. */
    OutcomeEvent withoutTime();

    /** {@code started}: a start returned ok and incarnation {@code incarnation} (1, 2, ...) came into being. */
    record Started(String path, int incarnation, OptionalLong tMs) implements OutcomeEvent {
        /** Validates the path, incarnation (>= 1) and time. */
        public Started {
            check(path, tMs);
            Checks.atLeast("incarnation", incarnation, 1);
        }

        /** An event without a time. */
        public Started(String path, int incarnation) {
            this(path, incarnation, OptionalLong.empty());
        }

        @Override
        public Started withoutTime() {
            return new Started(path, incarnation);
        }
    }

    /** {@code start_failed}: a start failed with {@code reason}; no incarnation came into being. */
    record StartFailed(String path, String reason, OptionalLong tMs) implements OutcomeEvent {
        /** Validates the path, reason and time. */
        public StartFailed {
            check(path, tMs);
            checkReason(reason);
        }

        /** An event without a time. */
        public StartFailed(String path, String reason) {
            this(path, reason, OptionalLong.empty());
        }

        @Override
        public StartFailed withoutTime() {
            return new StartFailed(path, reason);
        }
    }

    /** {@code ignored}: a start returned <em>ignore</em>. */
    record Ignored(String path, OptionalLong tMs) implements OutcomeEvent {
        /** Validates the path and time. */
        public Ignored {
            check(path, tMs);
        }

        /** An event without a time. */
        public Ignored(String path) {
            this(path, OptionalLong.empty());
        }

        @Override
        public Ignored withoutTime() {
            return new Ignored(path);
        }
    }

    /** {@code exited}: a worker's process (incarnation {@code incarnation}) ended with {@code reason}. */
    record Exited(String path, int incarnation, String reason, OptionalLong tMs) implements OutcomeEvent {
        /** Validates the path, incarnation (>= 1), reason and time. */
        public Exited {
            check(path, tMs);
            Checks.atLeast("incarnation", incarnation, 1);
            checkReason(reason);
        }

        /** An event without a time. */
        public Exited(String path, int incarnation, String reason) {
            this(path, incarnation, reason, OptionalLong.empty());
        }

        @Override
        public Exited withoutTime() {
            return new Exited(path, incarnation, reason);
        }
    }

    /** {@code supervisor_terminated}: a supervisor's process ended with {@code reason}, after its children's exits. */
    record SupervisorTerminated(String path, int incarnation, String reason, OptionalLong tMs) implements OutcomeEvent {
        /** Validates the path, incarnation (>= 1), reason and time. */
        public SupervisorTerminated {
            check(path, tMs);
            Checks.atLeast("incarnation", incarnation, 1);
            checkReason(reason);
        }

        /** An event without a time. */
        public SupervisorTerminated(String path, int incarnation, String reason) {
            this(path, incarnation, reason, OptionalLong.empty());
        }

        @Override
        public SupervisorTerminated withoutTime() {
            return new SupervisorTerminated(path, incarnation, reason);
        }
    }

    /** {@code fault_skipped}: a fault's target had no live process. */
    record FaultSkipped(String path, OptionalLong tMs) implements OutcomeEvent {
        /** Validates the path and time. */
        public FaultSkipped {
            check(path, tMs);
        }

        /** An event without a time. */
        public FaultSkipped(String path) {
            this(path, OptionalLong.empty());
        }

        @Override
        public FaultSkipped withoutTime() {
            return new FaultSkipped(path);
        }
    }

    private static void check(String path, OptionalLong tMs) {
        Checks.matching("event path", path, Checks.PATH);
        Checks.notNull("tMs of the event at " + path + " (use OptionalLong.empty())", tMs);
    }

    private static void checkReason(String reason) {
        if (Checks.notNull("reason", reason).isEmpty()) {
            throw new IllegalArgumentException("reason must not be empty but was: \"\"");
        }
    }
}
