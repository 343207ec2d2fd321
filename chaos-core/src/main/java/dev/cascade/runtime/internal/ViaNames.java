package dev.cascade.runtime.internal;

import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;

import java.util.Optional;

/**
 * The name service behind {@link ServerRef.Via}: Erlang's via-module protocol
 * ({@code whereis_name/1}, {@code register_name/2}, {@code unregister_name/1}). The runtime knows no
 * registry itself; the registry attaches its implementation to the node's {@link Kernel} under this
 * type, and the send, call and start paths reach it through {@link #of}.
 *
 * <pre>{@code
 * Optional<Pid> holder = ViaNames.of(kernel).whereis(new ServerRef.Via("sessions", 42));
 * }</pre>
 */
public interface ViaNames {

    /** The live process registered under {@code name}; empty if none holds it or its registry is not running. */
    Optional<Pid> whereis(ServerRef.Via name);

    /**
     * Registers the calling process under {@code name}: empty if it now holds it, otherwise the live
     * process that does.
     *
     * @throws IllegalArgumentException if {@code name}'s registry is not running
     */
    Optional<Pid> register(ProcessContext self, ServerRef.Via name);

    /** The process that registered under {@code name} last, dead or alive, if any ever did. */
    default Optional<ProcessCell> lastHolder(ServerRef.Via name) {
        return Optional.empty();
    }

    /** Releases {@code name} if the calling process holds it. */
    void unregister(ProcessContext self, ServerRef.Via name);

    /** The node's name service; without a registry on the node, one where no via name resolves. */
    static ViaNames of(Kernel kernel) {
        return kernel.attachment(ViaNames.class).orElse(NONE);
    }

    /** No registry has been started on the node. */
    ViaNames NONE = new ViaNames() {
        @Override
        public Optional<Pid> whereis(ServerRef.Via name) {
            return Optional.empty();
        }

        @Override
        public Optional<Pid> register(ProcessContext self, ServerRef.Via name) {
            throw new IllegalArgumentException("unknown registry \"" + name.registry() + "\" in " + name
                    + ": no registry of that name is running on this node; start it first with Registry.start(ctx, \""
                    + name.registry() + "\")");
        }

        @Override
        public void unregister(ProcessContext self, ServerRef.Via name) {
        }
    };
}
