package dev.cascade.spec;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a {@link CascadeSpec} concluded about one run: it held, it was violated (by these events,
 * explained, with the seed that replays the run), or the run could not tell (and why). An
 * inconclusive verdict is never a pass: a spec whose fault never fired has proved nothing.
 *
 * <pre>{@code
 * switch (spec.check(run)) {
 *     case Verdict.Pass pass -> { }
 *     case Verdict.Fail fail -> System.out.println(fail.text());   // what, the events, the cascade, the seed
 *     case Verdict.Inconclusive open -> System.out.println(open.why());
 * }
 * }</pre>
 */
public sealed interface Verdict {

    /** The name of the spec that gave it: {@code isolation(root/gateway, root/ledger)}. */
    String spec();

    /** One readable paragraph: the outcome, and for a failure what broke, the events, the cascade and the seed. */
    String text();

    /** The spec held. */
    record Pass(String spec) implements Verdict {
        public Pass {
            Objects.requireNonNull(spec, "spec");
        }

        public String text() {
            return "PASS " + spec;
        }
    }

    /**
     * The spec was violated.
     *
     * @param what        what was violated, in one sentence
     * @param events      the ids of the violating events in the run's trace, in order
     * @param explanation the cascade that led to the first of them, root fault first
     * @param seed        the simulation seed that replays the run; empty for a run on the real scheduler
     */
    record Fail(String spec, String what, List<Long> events, String explanation, OptionalLong seed) implements Verdict {
        public Fail {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(what, "what");
            events = List.copyOf(events);
            Objects.requireNonNull(explanation, "explanation");
            Objects.requireNonNull(seed, "seed");
        }

        public String text() {
            StringBuilder text = new StringBuilder("FAIL ").append(spec).append(": ").append(what);
            if (!events.isEmpty()) {
                text.append("\n  events ").append(events.stream().map(id -> "#" + id).toList());
            }
            if (!explanation.isEmpty()) {
                text.append("\n  ").append(explanation.replace("\n", "\n  "));
            }
            seed.ifPresent(s -> text.append("\n  seed=").append(s));
            return text.toString();
        }
    }

    /** The run could not tell whether the spec holds: {@code why} (a fault it depends on never fired, …). */
    record Inconclusive(String spec, String why) implements Verdict {
        public Inconclusive {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(why, "why");
        }

        public String text() {
            return "INCONCLUSIVE " + spec + ": " + why;
        }
    }

    /** Whether this is a {@link Fail}. */
    default boolean failed() {
        return this instanceof Fail;
    }

    /** Whether this is a {@link Pass}. */
    default boolean passed() {
        return this instanceof Pass;
    }
}
