package dev.cascade.gate.internal;

import dev.cascade.gate.Rule;
import dev.cascade.internal.Echo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The configured rules, checked and compiled; the first whose glob matches a test applies to it. */
public final class Rules {
    /**
     * One compiled rule.
     *
     * @param glob       the glob as configured
     * @param pattern    the glob as a regular expression
     * @param metrics    the metrics it compares
     * @param equal      {@code equal} (any change drifts) rather than {@code noWorse}
     * @param tolerances real-mode tolerances by metric
     */
    public record Compiled(String glob, Pattern pattern, Set<Metric> metrics, boolean equal, Map<Metric, Tolerance> tolerances) {
        /** How the rule reads in the table: {@code noWorse} or {@code equal}, with tolerances. */
        public String describe(Metric metric, boolean real) {
            String how = equal ? "equal" : "noWorse";
            Tolerance tolerance = tolerances.get(metric);
            return real && tolerance != null ? how + " ±" + tolerance.show() : how;
        }
    }

    /** The rule for tests no configured rule matches: every metric, {@code noWorse}. */
    public static final Compiled DEFAULT = new Compiled("*", Pattern.compile(".*"), EnumSet.allOf(Metric.class), false, Map.of());

    /** Every metric, {@code equal}: how a replay is compared with the run it repeats. */
    public static final Compiled EXACT = new Compiled("*", Pattern.compile(".*"), EnumSet.allOf(Metric.class), true, Map.of());

    private final List<Compiled> rules;

    private Rules(List<Compiled> rules) {
        this.rules = rules;
    }

    /** Checks and compiles the rules; an invalid one fails with its index, the value and the fix. */
    public static Rules of(List<Rule> configured) {
        List<Compiled> compiled = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            compiled.add(compile(configured.get(i), "rules[" + i + "]"));
        }
        return new Rules(List.copyOf(compiled));
    }

    /** The rule that applies to a test. */
    public Compiled forTest(String test) {
        return rules.stream().filter(rule -> rule.pattern().matcher(test).matches()).findFirst().orElse(DEFAULT);
    }

    private static Compiled compile(Rule rule, String where) {
        String glob = rule.tests() == null || rule.tests().isBlank() ? "*" : rule.tests().strip();
        EnumSet<Metric> metrics = EnumSet.noneOf(Metric.class);
        String names = rule.metrics() == null || rule.metrics().isBlank() ? "all" : rule.metrics();
        for (String name : names.split(",")) {
            if (name.strip().equalsIgnoreCase("all")) {
                metrics.addAll(EnumSet.allOf(Metric.class));
            } else {
                metrics.add(Metric.named(name).orElseThrow(() -> new IllegalArgumentException(where + ".metrics names "
                        + Echo.quoted(name.strip()) + ", which is not a metric; use some of: " + Metric.names() + " (or all)")));
            }
        }
        String compare = rule.compare() == null ? "noWorse" : rule.compare().strip();
        if (!compare.equals("noWorse") && !compare.equals("equal")) {
            throw new IllegalArgumentException(where + ".compare is " + Echo.quoted(compare) + " but should be noWorse or equal");
        }
        EnumMap<Metric, Tolerance> tolerances = new EnumMap<>(Metric.class);
        rule.tolerances().forEach((name, value) -> {
            Metric metric = Metric.named(name).filter(Metric::numeric).orElseThrow(() -> new IllegalArgumentException(where
                    + ".tolerances names " + Echo.quoted(name) + ", which has no tolerance; name one of: restarts, give_ups, lost, dropped, recovery"));
            tolerances.put(metric, Tolerance.parse(where + ".tolerances." + name, value));
        });
        return new Compiled(glob, globPattern(glob), metrics, compare.equals("equal"), tolerances);
    }

    static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
