package dev.cascade.runtime;

import java.util.Objects;

/**
 * Where to find a server: its {@link Pid} or a locally registered name.
 */
public sealed interface ServerRef permits Pid, ServerRef.Name {

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

    /** A reference by registered name. */
    static ServerRef named(String name) {
        return new Name(name);
    }
}
