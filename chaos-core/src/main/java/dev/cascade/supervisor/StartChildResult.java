package dev.cascade.supervisor;

import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;

import java.util.Optional;

/** The answers of {@code startChild} and {@code restartChild} (otp-semantics 3.11). */
public sealed interface StartChildResult {

    /** {@code {ok, Pid}}, or {@code {ok, undefined}} when the start returned ignore (empty pid). */
    record Started(Optional<Pid> pid) implements StartChildResult {}

    /** {@code {error, {already_started, Pid}}}. */
    record AlreadyStarted(Pid pid) implements StartChildResult {}

    /** {@code {error, already_present}}: the id exists but is not running. */
    record AlreadyPresent() implements StartChildResult {}

    /** {@code {error, running}} / {@code {error, restarting}} / {@code {error, not_found}} from restartChild. */
    record Refused(ChildOpResult why) implements StartChildResult {}

    /** {@code {error, Reason}}: the start failed. */
    record Failed(ExitReason reason) implements StartChildResult {}
}
