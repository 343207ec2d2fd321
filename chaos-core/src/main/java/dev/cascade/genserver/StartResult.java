package dev.cascade.genserver;

import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;

import java.util.Objects;

/** What a start returns (otp-semantics 2.1): a running process, ignore, or a failure reason. */
public sealed interface StartResult {

    /** {@code {ok, Pid}}. */
    record Started(Pid pid) implements StartResult {
        public Started {
            Objects.requireNonNull(pid, "pid");
        }
    }

    /** {@code ignore}. */
    record Ignored() implements StartResult {}

    /** {@code {error, Reason}}. */
    record Failed(ExitReason reason) implements StartResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The reason term of a start refused because the name is taken: {@code {already_started, Pid}} (G1). */
    record AlreadyStarted(Pid pid) {
        @Override
        public String toString() {
            return "already_started";
        }
    }

    /** The failure of a start whose name is already held by {@code holder}: {@code {error, {already_started, Pid}}} (G1). */
    static StartResult alreadyStarted(Pid holder) {
        return new Failed(ExitReason.custom(new AlreadyStarted(holder)));
    }

    /** The started pid; throws with the failure if this is not {@link Started}. */
    default Pid pid() {
        return switch (this) {
            case Started s -> s.pid();
            case Ignored i -> throw new IllegalStateException("the start returned ignore: there is no process");
            case Failed f -> throw new IllegalStateException("the start failed: " + f.reason().describe());
        };
    }
}
