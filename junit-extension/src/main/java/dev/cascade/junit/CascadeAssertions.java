package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.FaultLedger;
import dev.cascade.spec.CascadeRun;
import dev.cascade.spec.Verdict;
import dev.cascade.trace.Trace;

/**
 * The one entry point of Cascade's AssertJ assertions: on a {@link Trace} (navigate to a process, a supervisor,
 * the lost messages, in causal order), a {@link ChaosTree} (what is alive now) and a {@link FaultLedger}. Every
 * failure says what was expected of which process, what happened instead with its virtual time, the seed, and the
 * cascade explanation of the event concerned.
 *
 * <pre>{@code
 * import static dev.cascade.junit.CascadeAssertions.assertThat;
 * import static dev.cascade.junit.CascadeAssertions.times;
 *
 * assertThat(tree.trace()).process("root/app/cache").wasRestarted(times(3));
 * assertThat(tree.trace()).supervisor("root/app").gaveUp();
 * assertThat(tree.trace()).lostMessages().isEmpty();
 * assertThat(tree).hasRunning("root/ledger");
 * assertThat(tree.ledger()).allFired();
 * assertThat(CascadeRun.of(tree, spec)).satisfies(CascadeSpec.rootSurvives());
 * assertThat(CascadeSpec.rootSurvives().check(run)).isPass();
 * }</pre>
 */
public final class CascadeAssertions {
    private CascadeAssertions() {}

    /** Assertions on a trace. */
    public static TraceAssert assertThat(Trace trace) {
        return new TraceAssert(trace, Subject.seedOf(null));
    }

    /** Assertions on a running (or closed) chaos tree: its live processes, its trace, its ledger. */
    public static ChaosTreeAssert assertThat(ChaosTree tree) {
        return new ChaosTreeAssert(tree);
    }

    /** Assertions on a fault ledger. */
    public static FaultLedgerAssert assertThat(FaultLedger ledger) {
        return new FaultLedgerAssert(ledger, Subject.seedOf(null));
    }

    /** Assertions on a finished run: {@code satisfies(spec…)}. */
    public static CascadeRunAssert assertThat(CascadeRun run) {
        return new CascadeRunAssert(run);
    }

    /** Assertions on a specification's verdict. */
    public static VerdictAssert assertThat(Verdict verdict) {
        return new VerdictAssert(verdict);
    }

    /** Exactly {@code count} times: {@code wasRestarted(times(3))}. */
    public static Times times(int count) {
        return new Times(count);
    }

    /** A number of times, for {@link ProcessAssert#wasRestarted(Times)}. */
    public record Times(int count) {
        public Times {
            if (count < 0) {
                throw new IllegalArgumentException("times must be >= 0 but was " + count);
            }
        }

        @Override
        public String toString() {
            return count == 1 ? "1 time" : count + " times";
        }
    }
}
