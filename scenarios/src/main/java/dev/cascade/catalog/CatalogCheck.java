package dev.cascade.catalog;

import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.Verdict;

import java.util.Objects;
import java.util.function.Function;

/**
 * What tells an entry's bad tree from its fixed one: a verdict on a {@link CatalogRun}. Most are a
 * {@link CascadeSpec} (a pure observer of the trace); some also read what only the simulation saw
 * (the wait-for cycles of a deadlock).
 *
 * <pre>{@code
 * CatalogCheck check = CatalogCheck.of(CascadeSpec.rootSurvives());
 * Verdict verdict = check.check(CatalogRun.of(scenario, SimulatedScheduler.withSeed(0)));
 * }</pre>
 */
public interface CatalogCheck {

    /** How verdicts name it. */
    String name();

    /** Observes the run and concludes. */
    Verdict check(CatalogRun run);

    /** A spec's verdict on the run's trace. */
    static CatalogCheck of(CascadeSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return of(spec.name(), run -> spec.check(run.spec()));
    }

    /** Your own check. */
    static CatalogCheck of(String name, Function<CatalogRun, Verdict> check) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        return new CatalogCheck() {
            public String name() {
                return name;
            }

            public Verdict check(CatalogRun run) {
                return check.apply(run);
            }

            public String toString() {
                return name;
            }
        };
    }

    /** Fails when any of {@code checks} fails (the first failure), else inconclusive when one is, else passes. */
    static CatalogCheck allOf(CatalogCheck... checks) {
        String name = String.join(" and ", java.util.Arrays.stream(checks).map(CatalogCheck::name).toList());
        return of(name, run -> {
            Verdict open = null;
            for (CatalogCheck check : checks) {
                Verdict verdict = check.check(run);
                if (verdict.failed()) {
                    return verdict;
                }
                if (!verdict.passed() && open == null) {
                    open = verdict;
                }
            }
            return open != null ? open : new Verdict.Pass(name);
        });
    }
}
