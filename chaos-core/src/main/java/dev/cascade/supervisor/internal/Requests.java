package dev.cascade.supervisor.internal;

import dev.cascade.supervisor.ChildSpec;

/** The supervisor's API requests and its own retry message. */
public final class Requests {
    private Requests() {}

    public record WhichChildren() {}

    public record CountChildren() {}

    public record TerminateChild(String id) {}

    public record RestartChild(String id) {}

    public record DeleteChild(String id) {}

    public record StartChild(ChildSpec spec) {}

    public record GetChildSpec(String id) {}

    /** {@code {try_again_restart, Id}}: cast to itself, so it queues behind everything already waiting (R2). */
    record TryAgainRestart(String id) {}
}
