package dev.cascade.junit;

import dev.cascade.spec.Verdict;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a specification's {@link Verdict}. An inconclusive verdict is never taken for a pass. In a
 * {@link CascadeTest}, the verdict goes into the test's result record ({@code verdicts}).
 *
 * <pre>{@code
 * assertThat(CascadeSpec.rootSurvives().check(run)).isPass();
 * assertThat(CascadeSpec.isolation("root/gateway", "root/ledger").check(run)).isFail();
 * }</pre>
 */
public final class VerdictAssert extends AbstractAssert<VerdictAssert, Verdict> {

    VerdictAssert(Verdict verdict) {
        super(verdict, VerdictAssert.class);
        if (verdict != null) {
            TestRun.current().ifPresent(run -> run.checked(verdict)); // into the @CascadeTest's result record
        }
    }

    /** The spec held. */
    public VerdictAssert isPass() {
        return is(Verdict.Pass.class, "pass");
    }

    /** The spec was violated. */
    public VerdictAssert isFail() {
        return is(Verdict.Fail.class, "fail");
    }

    /** The run could not tell. */
    public VerdictAssert isInconclusive() {
        return is(Verdict.Inconclusive.class, "be inconclusive");
    }

    private VerdictAssert is(Class<? extends Verdict> expected, String word) {
        isNotNull();
        if (!expected.isInstance(actual)) {
            throw failure("%s", "Expecting the verdict of " + actual.spec() + " to " + word + "\nbut it was:\n  "
                    + actual.text().replace("\n", "\n  "));
        }
        return this;
    }
}
