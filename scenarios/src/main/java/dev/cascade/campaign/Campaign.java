package dev.cascade.campaign;

import dev.cascade.scenario.Scenario;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.Shrinker;
import dev.cascade.spec.Trial;
import dev.cascade.spec.Verdict;
import dev.cascade.spec.plan.PlanGenerator;
import dev.cascade.spec.plan.PlanSpace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * A seed campaign over a scenario's tree: iteration {@code k} draws a plan from the plan space with
 * the seed {@link IterationSeeds#of(long, long) IterationSeeds.of(S, k)}, runs it simulated, and
 * checks the specs; a failure is shrunk and written as a runnable scenario file with its HTML
 * report. Iteration k's run depends on {@code (S, k)} alone, so the failures of a range do not
 * depend on how it is split into {@link Shard shards}.
 *
 * <pre>{@code
 * Scenario scenario = ScenarioReader.read(Path.of("cache-crash.json"));
 * CampaignResult result = Campaign.of(scenario, List.of(CascadeSpec.rootSurvives()))
 *     .space(PlanSpace.over(ScenarioSpecs.outline(scenario)).maxFaults(8))
 *     .seed(7).iterations(0, 100_000).shard(new Shard(0, 4, "--shard"))
 *     .run(Path.of("campaign-out/shard-0"), Progress.none());
 * result.failures();   // each with its scenario file, HTML report and replay command
 * }</pre>
 */
public final class Campaign {
    /** Candidates shrinking checks per failure: a bound that, unlike the wall-clock budget, does not depend on the machine. */
    static final int SHRINK_RUNS = 1000;

    private final Scenario scenario;
    private final List<CascadeSpec> specs;
    private final PlanSpace space;
    private final long seed;
    private final long from;
    private final long to;
    private final Shard shard;
    private final int threads;
    private final Duration shrinkBudget;
    private final PlanGenerator generator;

    private Campaign(Scenario scenario, List<CascadeSpec> specs, PlanSpace space, long seed, long from, long to, Shard shard,
                     int threads, Duration shrinkBudget) {
        this.scenario = scenario;
        this.specs = specs;
        this.space = space;
        this.seed = seed;
        this.from = from;
        this.to = to;
        this.shard = shard;
        this.threads = threads;
        this.shrinkBudget = shrinkBudget;
        this.generator = new PlanGenerator(space);
    }

    /**
     * A campaign over {@code scenario}'s tree (its own faults are not used; its settle time is)
     * checking {@code specs}: plans from the whole tree (at most 4 faults within 1 s), seed 0,
     * iterations 0..1000, one shard, every core; shrinking checks at most 1000 candidates per failure
     * within 60 s.
     */
    public static Campaign of(Scenario scenario, List<CascadeSpec> specs) {
        Objects.requireNonNull(scenario, "scenario");
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a campaign needs at least one spec to check (e.g. rootSurvives()); scenario \""
                    + scenario.name() + "\" has none");
        }
        return new Campaign(scenario, List.copyOf(specs), PlanSpace.over(ScenarioSpecs.outline(scenario)), 0, 0, 1000, Shard.whole(),
                Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(60));
    }

    /** Plans drawn from {@code space} (made over {@code ScenarioSpecs.outline(scenario)}). */
    public Campaign space(PlanSpace space) {
        return new Campaign(scenario, specs, Objects.requireNonNull(space, "space"), seed, from, to, shard, threads, shrinkBudget);
    }

    /** The campaign seed {@code S}. */
    public Campaign seed(long seed) {
        return new Campaign(scenario, specs, space, seed, from, to, shard, threads, shrinkBudget);
    }

    /** Iterations {@code from} (inclusive) to {@code to} (exclusive). */
    public Campaign iterations(long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("iterations need 0 <= from <= to but were " + from + ".." + to);
        }
        return new Campaign(scenario, specs, space, seed, from, to, shard, threads, shrinkBudget);
    }

    /** Only the iterations of {@code shard}. */
    public Campaign shard(Shard shard) {
        return new Campaign(scenario, specs, space, seed, from, to, Objects.requireNonNull(shard, "shard"), threads, shrinkBudget);
    }

    /** How many simulations run at once (each on its own thread); defaults to the number of cores. */
    public Campaign threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        }
        return new Campaign(scenario, specs, space, seed, from, to, shard, threads, shrinkBudget);
    }

    /**
     * How long shrinking one failure may take (wall clock). Shrinking stops after 1000 candidates
     * anyway; a budget that runs out first makes the shrunk plan depend on the machine's speed, and
     * so the failure's name on how the range was split.
     */
    public Campaign shrinkBudget(Duration budget) {
        return new Campaign(scenario, specs, space, seed, from, to, shard, threads, Objects.requireNonNull(budget, "budget"));
    }

    /** The trial iteration {@code k} runs: drawn from the plan space with {@code IterationSeeds.of(S, k)}. */
    public Trial trial(long k) {
        return generator.draw(new Random(IterationSeeds.of(seed, k)));
    }

    /** Runs iteration {@code k} (whichever shard owns it) and checks the specs; does not shrink. */
    public Iteration iteration(long k) {
        long iterationSeed = IterationSeeds.of(seed, k);
        Trial trial = generator.draw(new Random(iterationSeed));
        return new Iteration(k, iterationSeed, trial, verdicts(trial), Optional.empty());
    }

    /** Each spec's verdict on a simulated run of {@code trial} on the scenario's tree, as {@code cascade run FILE --seed N} checks it. */
    public List<Verdict> verdicts(Trial trial) {
        Scenario replay = new Scenario(scenario.name(), scenario.tree(), trial.plan().faults(), scenario.settle());
        try {
            return ScenarioSpecs.check(replay, specs, trial.seed());
        } catch (RuntimeException crashed) {
            return specs.stream().<Verdict>map(spec -> new Verdict.Inconclusive(spec.name(), "the run threw " + crashed)).toList();
        }
    }

    /** Shrinks a failing iteration, keeping only trials that fail one of the specs it failed. */
    Shrinker.Result shrink(Iteration failing) {
        List<String> failed = failing.verdicts().stream().filter(Verdict::failed).map(Verdict::spec).toList();
        return Shrinker.over(ScenarioSpecs.outline(scenario)).maxRuns(SHRINK_RUNS).budget(shrinkBudget).shrink(failing.trial(),
                trial -> verdicts(trial).stream().anyMatch(verdict -> verdict.failed() && failed.contains(verdict.spec())));
    }

    /**
     * Runs this shard's iterations on {@link #threads} threads, writing {@code results-<i>-of-<n>.jsonl}
     * (one line per iteration, in order), {@code shard-<i>-of-<n>.json} (what ran) and, per distinct
     * shrunk failure, {@code failures/<name>.json} and {@code failures/<name>.html} into {@code out}.
     */
    public CampaignResult run(Path out, Progress progress) {
        return new CampaignRunner(this, out, progress).run();
    }

    Scenario scenario() {
        return scenario;
    }

    List<CascadeSpec> specs() {
        return specs;
    }

    long seed() {
        return seed;
    }

    long from() {
        return from;
    }

    long to() {
        return to;
    }

    Shard shard() {
        return shard;
    }

    int threads() {
        return threads;
    }

    PlanSpace space() {
        return space;
    }

    /** How many iterations of the range this shard owns. */
    long owned() {
        long first = from + Math.floorMod(shard.index() - from, (long) shard.count());
        return first >= to ? 0 : (to - 1 - first) / shard.count() + 1;
    }
}
