package dev.cascade.spec;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Shrinks a failing {@link Trial} to a smallest one that still fails, re-running after every step:
 * it drops faults (halves first, then one by one), moves the seed toward 0, moves faults earlier
 * (to 0, to the previous fault's time, to half their time), aims them nearer the leaves (a
 * supervisor's fault at each of its children), makes their kinds simpler (a {@code raise}, then a
 * {@code kill}) and their counts, delays and windows smaller — until no step keeps the failure, or
 * the budget runs out (which the result says).
 *
 * <pre>{@code
 * Shrinker.Result shrunk = Shrinker.over(TreeOutline.of("root", payments))
 *     .budget(Duration.ofSeconds(10))
 *     .shrink(failing, trial -> spec.check(trial.run(payments, settle)).failed());
 * shrunk.trial();       // the smallest failing plan found, and its seed
 * shrunk.exhausted();   // true if the budget ran out before a minimum
 * }</pre>
 *
 * <p>Plain Java, so properties, the CLI's campaigns and your own loops can share it. A candidate
 * whose check throws (a fault that cannot apply to its new target) counts as passing.
 */
public final class Shrinker {
    /**
     * What shrinking came to.
     *
     * @param trial     the smallest failing trial found (the original if nothing smaller failed)
     * @param runs      how many candidates were checked
     * @param took      how long it took
     * @param exhausted whether the budget ran out before a minimum was reached: a smaller plan may still fail
     */
    public record Result(Trial trial, int runs, Duration took, boolean exhausted) {
        /** A line for reports: {@code shrunk to 2 faults in 37 runs (12 ms)}, noting an exhausted budget. */
        public String summary() {
            return "shrunk to " + trial.plan().faults().size() + " fault(s) in " + runs + " runs (" + took.toMillis() + " ms)"
                    + (exhausted ? "; the shrinking budget ran out before a minimum was reached, a smaller plan may still fail" : "");
        }
    }

    private final TreeOutline tree;
    private final Duration budget;
    private final int maxRuns;

    private Shrinker(TreeOutline tree, Duration budget, int maxRuns) {
        this.tree = tree;
        this.budget = budget;
        this.maxRuns = maxRuns;
    }

    /** A shrinker over plans for {@code tree}, with a budget of 10 s and 10,000 runs. */
    public static Shrinker over(TreeOutline tree) {
        return new Shrinker(Objects.requireNonNull(tree, "tree"), Duration.ofSeconds(10), 10_000);
    }

    /** How long shrinking may take (wall clock) before it stops with what it has. */
    public Shrinker budget(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("a shrinking budget must be > 0 but was " + budget);
        }
        return new Shrinker(tree, budget, maxRuns);
    }

    /** How many candidates shrinking may check before it stops with what it has. */
    public Shrinker maxRuns(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("a shrinking run limit must be >= 1 but was " + runs);
        }
        return new Shrinker(tree, budget, runs);
    }

    /** Shrinks {@code failing}, which {@code fails} must accept, keeping every step {@code fails} still accepts. */
    public Result shrink(Trial failing, Predicate<Trial> fails) {
        Objects.requireNonNull(failing, "failing");
        Objects.requireNonNull(fails, "fails");
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        Trial current = failing;
        int runs = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Trial candidate : candidates(current)) {
                if (runs >= maxRuns || System.nanoTime() - deadline > 0) {
                    return new Result(current, runs, Duration.ofNanos(System.nanoTime() - start), true);
                }
                runs++;
                if (stillFails(fails, candidate)) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return new Result(current, runs, Duration.ofNanos(System.nanoTime() - start), false);
    }

    private static boolean stillFails(Predicate<Trial> fails, Trial candidate) {
        try {
            return fails.test(candidate);
        } catch (RuntimeException cannotApply) {
            return false;
        }
    }

    /** Every one-step simplification of {@code trial}, most aggressive first. */
    List<Trial> candidates(Trial trial) {
        List<FaultPlan.Timed> faults = trial.plan().faults();
        LinkedHashSet<Trial> out = new LinkedHashSet<>();
        for (int size = faults.size() / 2; size >= 1; size /= 2) {
            for (int from = 0; from + size <= faults.size(); from += size) {
                List<FaultPlan.Timed> fewer = new ArrayList<>(faults.subList(0, from));
                fewer.addAll(faults.subList(from + size, faults.size()));
                out.add(new Trial(plan(fewer), trial.seed()));
            }
        }
        if (faults.size() == 1) {
            out.add(new Trial(FaultPlan.empty(), trial.seed()));
        }
        if (trial.seed() != 0) {
            out.add(new Trial(trial.plan(), 0));
            out.add(new Trial(trial.plan(), trial.seed() / 2));
        }
        for (int i = 0; i < faults.size(); i++) {
            FaultPlan.Timed timed = faults.get(i);
            long at = timed.at().toMillis();
            List<Long> earlier = new ArrayList<>(List.of(0L));
            if (i > 0) {
                earlier.add(faults.get(i - 1).at().toMillis());
            }
            earlier.add(at / 2);
            for (long time : earlier) {
                if (time < at) {
                    out.add(replaced(trial, i, new FaultPlan.Timed(Duration.ofMillis(time), timed.fault())));
                }
            }
            List<Fault> edits = new ArrayList<>(FaultEdits.nearerLeaves(timed.fault(), tree));
            edits.addAll(FaultEdits.simplerKinds(timed.fault()));
            edits.addAll(FaultEdits.smaller(timed.fault()));
            for (Fault edit : edits) {
                out.add(replaced(trial, i, new FaultPlan.Timed(timed.at(), edit)));
            }
        }
        out.remove(trial);
        return List.copyOf(out);
    }

    private static Trial replaced(Trial trial, int index, FaultPlan.Timed with) {
        List<FaultPlan.Timed> faults = new ArrayList<>(trial.plan().faults());
        faults.set(index, with);
        return new Trial(plan(faults), trial.seed());
    }

    private static FaultPlan plan(List<FaultPlan.Timed> faults) {
        FaultPlan.Builder builder = FaultPlan.builder();
        faults.forEach(timed -> builder.at(timed.at(), timed.fault()));
        return builder.build();
    }
}
