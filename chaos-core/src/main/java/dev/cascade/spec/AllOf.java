package dev.cascade.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** {@link CascadeSpec#allOf}: fail if one fails, inconclusive if one is, else pass. */
record AllOf(List<CascadeSpec> specs) implements CascadeSpec {
    AllOf {
        specs = List.copyOf(specs);
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("allOf needs at least one spec: allOf(CascadeSpec.rootSurvives(), …)");
        }
    }

    public String name() {
        return "allOf(" + specs.stream().map(CascadeSpec::name).collect(Collectors.joining(", ")) + ")";
    }

    public Verdict check(CascadeRun run) {
        List<Verdict> verdicts = specs.stream().map(spec -> spec.check(run)).toList();
        List<Verdict.Fail> failed = verdicts.stream().filter(Verdict.Fail.class::isInstance).map(Verdict.Fail.class::cast).toList();
        if (!failed.isEmpty()) {
            List<Long> events = new ArrayList<>();
            failed.forEach(fail -> events.addAll(fail.events()));
            String what = failed.stream().map(fail -> fail.spec() + ": " + fail.what()).collect(Collectors.joining("; "));
            OptionalLong seed = failed.getFirst().seed();
            return new Verdict.Fail(name(), what, events.stream().distinct().sorted().toList(), failed.getFirst().explanation(), seed);
        }
        List<Verdict> open = verdicts.stream().filter(Verdict.Inconclusive.class::isInstance).toList();
        if (!open.isEmpty()) {
            return new Verdict.Inconclusive(name(), open.stream().map(verdict -> verdict.spec() + ": "
                    + ((Verdict.Inconclusive) verdict).why()).collect(Collectors.joining("; ")));
        }
        return new Verdict.Pass(name());
    }

    @Override
    public String toString() {
        return name();
    }
}
