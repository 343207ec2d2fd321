package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.trace.Trace;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ChaosTree}: what is alive now, and navigation to its trace and ledger.
 *
 * <pre>{@code
 * assertThat(tree).hasRunning("root/ledger").hasIncarnations("root/gateway", 4);
 * assertThat(tree).trace().supervisor("root").gaveUp();
 * assertThat(tree).ledger().allFired();
 * }</pre>
 */
public final class ChaosTreeAssert extends AbstractAssert<ChaosTreeAssert, ChaosTree> {
    private final String seed;

    ChaosTreeAssert(ChaosTree tree) {
        super(tree, ChaosTreeAssert.class);
        this.seed = tree == null ? "" : Subject.seedOf(tree);
    }

    /** Its trace now. */
    public TraceAssert trace() {
        isNotNull();
        return new TraceAssert(actual.trace(), seed);
    }

    /** Its fault ledger now. */
    public FaultLedgerAssert ledger() {
        isNotNull();
        return new FaultLedgerAssert(actual.ledger(), seed);
    }

    /** A process holds {@code path} now. */
    public ChaosTreeAssert hasRunning(String path) {
        isNotNull();
        if (actual.whereis(path).isEmpty()) {
            throw failure("%s", Subject.message("process " + path, state(path), "be running now",
                    "no process holds it at " + actual.sinceStart().toMillis() + " ms", seed,
                    explainedCrash(path)));
        }
        return this;
    }

    /** No process holds {@code path} now. */
    public ChaosTreeAssert hasNoRunning(String path) {
        isNotNull();
        if (actual.whereis(path).isPresent()) {
            throw failure("%s", Subject.message("process " + path, state(path), "not be running now",
                    actual.whereis(path).get() + " holds it at " + actual.sinceStart().toMillis() + " ms", seed, ""));
        }
        return this;
    }

    /** {@code path} has had exactly {@code count} incarnations (successful starts). */
    public ChaosTreeAssert hasIncarnations(String path, int count) {
        isNotNull();
        int incarnations = actual.incarnations(path);
        if (incarnations != count) {
            throw failureWithActualExpected(incarnations, count, "%s", Subject.message("process " + path, state(path),
                    "have had " + count + " incarnations", "it had " + incarnations, seed,
                    explainedCrash(path)));
        }
        return this;
    }

    /** The explanation of {@code path}'s last crash; nothing for a tree built without tracing. */
    private String explainedCrash(String path) {
        if (!actual.traced()) {
            return "";
        }
        Trace trace = actual.trace();
        return Subject.explained(trace, Subject.lastCrash(trace, path));
    }

    private String state(String path) {
        return actual.traced() ? Subject.state(actual.trace(), path) : "incarnation " + actual.incarnations(path);
    }
}
