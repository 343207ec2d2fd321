package dev.cascade.supervisor;

import dev.cascade.runtime.ExitReason;

/**
 * The detail of a supervisor's start failure, {@code {shutdown, {failed_to_start_child, Id, Reason}}}
 * (otp-semantics 3.3); described as {@code shutdown:failed_to_start_child}.
 */
public record FailedToStartChild(String id, ExitReason reason) {
    @Override
    public String toString() {
        return "failed_to_start_child";
    }
}
