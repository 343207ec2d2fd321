package dev.cascade.junit;

import dev.cascade.spec.CascadeRun;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.Verdict;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Assertions on a finished run: that it satisfies specifications. A spec that failed or could not
 * tell (inconclusive) fails the assertion with its verdict: what broke, the events, the cascade and the seed.
 * In a {@link CascadeTest}, every verdict checked goes into the test's result record ({@code verdicts}).
 *
 * <pre>{@code
 * CascadeRun run = CascadeRun.of(tree, payments());
 * assertThat(run).satisfies(CascadeSpec.isolation("root/gateway", "root/ledger"), CascadeSpec.rootSurvives());
 * }</pre>
 */
public final class CascadeRunAssert extends AbstractAssert<CascadeRunAssert, CascadeRun> {

    CascadeRunAssert(CascadeRun run) {
        super(run, CascadeRunAssert.class);
    }

    /** Every one of {@code specs} passes on the run. */
    public CascadeRunAssert satisfies(CascadeSpec... specs) {
        isNotNull();
        List<Verdict> verdicts = List.of(specs).stream().map(spec -> spec.check(actual)).toList();
        TestRun.current().ifPresent(run -> verdicts.forEach(run::checked)); // into the @CascadeTest's result record
        List<Verdict> unmet = verdicts.stream().filter(v -> !v.passed()).toList();
        if (!unmet.isEmpty()) {
            throw failure("%s", "Expecting the run to satisfy " + List.of(specs).stream().map(CascadeSpec::name)
                    .collect(Collectors.joining(", ")) + "\nbut:\n  " + unmet.stream().map(Verdict::text)
                    .map(text -> text.replace("\n", "\n  ")).collect(Collectors.joining("\n  ")));
        }
        return this;
    }
}
