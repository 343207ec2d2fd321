package dev.cascade.spec;

import dev.cascade.spec.internal.TraceReading;
import dev.cascade.trace.TraceEvent;

import java.util.List;

/** Builds the verdicts of the built-in specs the same way: events, explanation, seed; quiet runs only pass. */
final class Verdicts {
    private Verdicts() {}

    static Verdict fail(String spec, CascadeRun run, String what, List<? extends TraceEvent> events) {
        String explanation = events.isEmpty() ? "" : TraceReading.explain(run.trace(), events.getFirst());
        return new Verdict.Fail(spec, what, events.stream().map(TraceEvent::id).toList(), explanation, run.seed());
    }

    /** A pass, unless the run ended while a cascade was still going on: then nothing is proved yet. */
    static Verdict passIfSettled(String spec, CascadeRun run) {
        List<String> open = run.unsettled();
        if (!open.isEmpty()) {
            return new Verdict.Inconclusive(spec, "the run ended before the tree was quiet: " + list(open)
                    + " still down while its supervisor lived (a restart to come); let the tree settle longer");
        }
        return new Verdict.Pass(spec);
    }

    static String list(List<String> items) {
        String all = String.join(", ", items.size() > 5 ? items.subList(0, 5) : items);
        return items.size() > 5 ? all + " and " + (items.size() - 5) + " more" : all;
    }

    static String millis(long nanos) {
        return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + " ms" : String.format(java.util.Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
