package dev.cascade.dynamic;

/**
 * How many children a {@link DynamicSupervisor} may have at once, children waiting for a restart
 * included (otp-semantics 4.2, Elixir's {@code :max_children}).
 *
 * <pre>{@code
 * DynamicSupervisorSpec.DEFAULT.withMaxChildren(ChildLimit.atMost(100));
 * DynamicSupervisorSpec.DEFAULT.withMaxChildren(ChildLimit.UNBOUNDED);   // the default
 * }</pre>
 */
public sealed interface ChildLimit {

    /** No limit: Elixir's {@code :infinity}. */
    ChildLimit UNBOUNDED = new Unbounded();

    record Unbounded() implements ChildLimit {
        @Override
        public String toString() {
            return "unbounded";
        }
    }

    /** At most {@code limit} children; 0 is allowed and refuses every start. */
    record AtMost(int limit) implements ChildLimit {
        public AtMost {
            if (limit < 0) {
                throw new IllegalArgumentException("maxChildren must be >= 0 but was: " + limit
                        + "; use ChildLimit.UNBOUNDED for no limit");
            }
        }

        @Override
        public String toString() {
            return "at most " + limit;
        }
    }

    static ChildLimit atMost(int limit) {
        return new AtMost(limit);
    }

    /** Whether a supervisor that has {@code children} children may start one more. */
    default boolean admitsOneMore(int children) {
        return switch (this) {
            case Unbounded u -> true;
            case AtMost m -> children < m.limit();
        };
    }
}
