package dev.cascade.junit;

import dev.cascade.trace.Explanation;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.Optional;

/** What a failing chaos test adds to its failure: the seed, the replay command, the last crash or loss explained. */
final class Failures {
    private Failures() {}

    /** The last crash, give-up or lost message of the test's trees, with the tree's name, its trace and its explanation. */
    record LastCrash(String tree, Trace trace, TraceEvent event, Explanation explanation) {
        String explained() {
            return explanation.text();
        }
    }

    static String block(TestRun run) {
        StringBuilder text = new StringBuilder();
        text.append("seed=").append(run.seed.value()).append(" (").append(run.seed.source().says).append("), ")
                .append(run.mode == CascadeTest.Mode.REAL ? "real scheduler: a real run is not replayed exactly by its seed"
                        : "simulated")
                .append("\nreplay: ").append(run.id.replay(run.seed.value()));
        run.lastCrash().ifPresent(crash -> text.append("\nlast crash or loss, in tree ").append(crash.tree()).append(":\n  ")
                .append(crash.explained().replace("\n", "\n  ")));
        text.append("\nfiles: ").append(RunFiles.directoryOf(run));
        return text.toString();
    }

    /** Of the trees' last crashes, the latest since its tree started (the first tree's on a tie), explained. */
    static Optional<LastCrash> lastCrash(List<TreeSeen> trees) {
        TreeSeen.Traced latest = null;
        for (TreeSeen seen : trees) {
            if (seen instanceof TreeSeen.Traced tree && tree.lastCrash().isPresent() && (latest == null || offset(tree) > offset(latest))) {
                latest = tree;
            }
        }
        if (latest == null) {
            return Optional.empty();
        }
        Trace trace = latest.trace();
        TraceEvent event = latest.lastCrash().orElseThrow();
        return Optional.of(new LastCrash(latest.name(), trace, event, trace.explain(event)));
    }

    private static long offset(TreeSeen.Traced tree) {
        return tree.lastCrash().orElseThrow().atNanos() - tree.zero();
    }

    static boolean isCrash(TraceEvent event) {
        return switch (event) {
            case TraceEvent.Exited exited -> !exited.reason().isNormalish();
            case TraceEvent.SupervisorGaveUp gaveUp -> true;
            case TraceEvent.MessageLost lost -> true;
            default -> false;
        };
    }

    /**
     * {@code failure} with {@code block} after its message: an assertion failure keeps its type, its expected and
     * actual values (for the IDE's diff) and its stack; anything else gets the block as a suppressed exception.
     */
    static Throwable withRun(Throwable failure, String block) {
        String message = (failure.getMessage() == null ? "" : failure.getMessage() + "\n\n") + block;
        Throwable richer;
        if (failure instanceof AssertionFailedError assertion) {
            richer = assertion.isExpectedDefined() || assertion.isActualDefined()
                    ? new AssertionFailedError(message, assertion.getExpected(), assertion.getActual(), assertion.getCause())
                    : new AssertionFailedError(message, assertion.getCause());
        } else if (failure.getClass() == AssertionError.class) {
            richer = new AssertionError(message, failure.getCause());
        } else {
            failure.addSuppressed(new CascadeRun(block));
            return failure;
        }
        richer.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            richer.addSuppressed(suppressed);
        }
        return richer;
    }

    /** Carries the seed and replay command of a test whose failure is not an assertion. */
    static final class CascadeRun extends RuntimeException {
        CascadeRun(String block) {
            super(block, null, false, false);
        }
    }
}
