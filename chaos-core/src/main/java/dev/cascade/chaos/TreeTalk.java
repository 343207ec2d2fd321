package dev.cascade.chaos;

import dev.cascade.chaos.internal.TreeCalls;
import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;

import java.util.Objects;

/**
 * The part of a chaos tree that talks to the tree's processes from outside it: calls, casts and
 * plain sends, by path or by pid, name or registry key. Not a type of its own (package-private, so
 * only the chaos tree extends it): it keeps these thin delegates and their contracts apart from the
 * tree's lifecycle, and they are used on a chaos tree ({@code tree.call("root/cache", "get")}).
 */
abstract class TreeTalk {
    TreeTalk() {}

    /** The calls of the tree; throws if the tree is closed. */
    abstract TreeCalls calls();

    /**
     * Calls the process at {@code path} from outside the tree, as {@code GenServer.call} with its
     * default 5 s timeout would, and returns how it ended: the reply, or why there was none. On a
     * simulated tree this drives the simulation until the call ends (a timeout costs no wall time).
     *
     * <pre>{@code
     * Object balance = tree.call("root/sessions/alice", "balance").orElseThrow();
     * }</pre>
     *
     * @throws IllegalArgumentException if the tree has no such path (the message lists its paths);
     *         a path whose process is dead now gives {@link CallOutcome.NoProc}
     */
    public CallOutcome call(String path, Object request) {
        return call(path, request, GenServer.DEFAULT_CALL_TIMEOUT);
    }

    /** As {@link #call(String, Object)}, waiting up to {@code timeout}. */
    public CallOutcome call(String path, Object request, Timeout timeout) {
        return calls().call(Objects.requireNonNull(path, "path"), request, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Calls a server by pid, local name or registry key ({@code ServerRef.via("sessions", "alice")}).
     *
     * @throws IllegalArgumentException for a registry that is not running, a key never registered in
     *         it, or a local name not registered now (each message lists what exists); a key whose
     *         holder is dead now gives {@link CallOutcome.NoProc}
     */
    public CallOutcome call(ServerRef server, Object request) {
        return call(server, request, GenServer.DEFAULT_CALL_TIMEOUT);
    }

    /** As {@link #call(ServerRef, Object)}, waiting up to {@code timeout}. */
    public CallOutcome call(ServerRef server, Object request, Timeout timeout) {
        return calls().call(Objects.requireNonNull(server, "server"), request, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Casts {@code message} to the process at {@code path}; returns once it was sent. With no live
     * process there it is dropped, as a cast to a dead process is (G23).
     *
     * @throws IllegalArgumentException if the tree has no such path
     */
    public void cast(String path, Object message) {
        calls().cast(Objects.requireNonNull(path, "path"), message);
    }

    /** Casts to a server by pid, local name or registry key; refused as {@link #call(ServerRef, Object)} is. */
    public void cast(ServerRef server, Object message) {
        calls().cast(Objects.requireNonNull(server, "server"), message);
    }

    /** Sends a plain message (its {@code handleInfo}) to the process at {@code path}; dropped if none is alive. */
    public void send(String path, Object message) {
        calls().send(Objects.requireNonNull(path, "path"), message);
    }

    /** Sends a plain message to a server by pid, local name or registry key; refused as {@link #call(ServerRef, Object)} is. */
    public void send(ServerRef server, Object message) {
        calls().send(Objects.requireNonNull(server, "server"), message);
    }
}
