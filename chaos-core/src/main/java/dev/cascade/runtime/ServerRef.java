package dev.cascade.runtime;

import java.util.Objects;

/**
 * Where to find a server: its {@link Pid}, a locally registered name, or a key in a registry.
 *
 * <pre>{@code
 * GenServer.call(ctx, ServerRef.named("cache"), "get");
 * GenServer.call(ctx, ServerRef.via("sessions", userId), "get");
 * }</pre>
 */
public sealed interface ServerRef permits Pid, ServerRef.Name, ServerRef.Via {

    /** A locally registered name (Erlang's {@code register/2}). */
    record Name(String name) implements ServerRef {
        public Name {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a registered name must not be blank but was: \"" + name + "\"");
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A key in a {@code dev.cascade.registry.Registry}: Elixir's {@code {:via, Registry, {registry, key}}}.
     * Resolved on every use; a key nobody holds (or a registry that is not running) resolves to no
     * process: a call fails with {@code noproc}, a cast is dropped, a send throws {@code badarg}.
     */
    record Via(String registry, Object key) implements ServerRef {
        public Via {
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(key, "key");
            if (registry.isBlank()) {
                throw new IllegalArgumentException("a registry name must not be blank but was: \"" + registry + "\"");
            }
        }

        @Override
        public String toString() {
            return "via(" + registry + ", " + key + ")";
        }
    }

    /** A reference by registered name. */
    static ServerRef named(String name) {
        return new Name(name);
    }

    /** A reference by {@code key} in the registry named {@code registry}. */
    static ServerRef via(String registry, Object key) {
        return new Via(registry, key);
    }
}
