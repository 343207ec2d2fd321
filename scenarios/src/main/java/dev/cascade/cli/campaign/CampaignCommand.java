package dev.cascade.cli.campaign;

import dev.cascade.campaign.Campaign;
import dev.cascade.campaign.CampaignMerge;
import dev.cascade.campaign.CampaignResult;
import dev.cascade.campaign.Failure;
import dev.cascade.campaign.Progress;
import dev.cascade.campaign.Shard;
import dev.cascade.cli.BadInput;
import dev.cascade.internal.Echo;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.SpecSyntax;
import dev.cascade.spec.TreeOutline;
import dev.cascade.spec.plan.PlanSpace;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cascade campaign run FILE …} and {@code cascade campaign merge DIR…}; exit status 0 when no
 * spec failed, 1 when failures were found (or, merging, shards are missing), 2 for bad usage or input.
 */
public final class CampaignCommand {
    static final String USAGE = RunArguments.USAGE + "\n" + MergeArguments.USAGE;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final boolean terminal;

    public CampaignCommand(PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.terminal = terminal;
    }

    public int execute(List<String> args) {
        if (args.isEmpty() || args.getFirst().equals("--help") || args.getFirst().equals("help")) {
            (args.isEmpty() ? err : out).println((args.isEmpty() ? "cascade campaign: missing run or merge\n" : "") + USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "run" -> run(rest);
            case "merge" -> merge(rest);
            default -> {
                err.println("cascade campaign: unknown command " + Echo.quoted(args.getFirst()) + " (expected: run, merge)");
                err.println(USAGE);
                yield 2;
            }
        };
    }

    private int run(List<String> args) {
        Campaign campaign;
        RunArguments arguments = null;
        try {
            arguments = RunArguments.parse(args);
            Scenario scenario = ScenarioReader.read(arguments.file());
            campaign = Campaign.of(scenario, specs(arguments, scenario))
                    .space(space(arguments, ScenarioSpecs.outline(scenario)))
                    .seed(arguments.seed())
                    .iterations(arguments.from(), arguments.to())
                    .shard(Shard.detect(arguments.shard(), arguments.shards(), env))
                    .threads(arguments.threads())
                    .shrinkBudget(arguments.shrinkBudget());
        } catch (ScenarioFormatException invalid) { // thrown reading the file, so the arguments were parsed
            err.println("cascade campaign run: " + Echo.value(String.valueOf(arguments == null ? "" : arguments.file())) + ": " + invalid.getMessage());
            return 2;
        } catch (BadInput | IllegalArgumentException | UncheckedIOException bad) {
            err.println("cascade campaign run: " + bad.getMessage());
            err.println(RunArguments.USAGE);
            return 2;
        }
        out.println("campaign " + arguments.file() + ": seed " + arguments.seed() + ", iterations " + arguments.from() + ".."
                + arguments.to() + ", shard " + campaignShard(arguments) + ", " + arguments.threads() + " thread(s)");
        CampaignResult result;
        try {
            result = campaign.run(arguments.out(), Progress.to(out, terminal));
        } catch (UncheckedIOException failed) {
            err.println("cascade campaign run: " + failed.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "%d runs in %.1f s (%.0f runs/s), %d failing, %d distinct failure(s); results in %s%n", result.runs(),
                result.took().toNanos() / 1e9, result.runsPerSecond(), result.failing(), result.failures().size(), result.results());
        for (Failure failure : result.failures()) {
            out.println("FAIL " + failure.name() + " " + failure.specs() + " first at iteration " + failure.iteration() + "; " + failure.shrinking());
            out.println("  replay: " + failure.replay());
            failure.report().ifPresent(html -> out.println("  report: " + html));
        }
        return result.failures().isEmpty() || arguments.reportOnly() ? 0 : 1;
    }

    private String campaignShard(RunArguments arguments) {
        Shard shard = Shard.detect(arguments.shard(), arguments.shards(), env);
        return shard + " (from " + shard.from() + ")";
    }

    private static List<CascadeSpec> specs(RunArguments arguments, Scenario scenario) {
        List<CascadeSpec> specs = new ArrayList<>(ScenarioSpecs.read(arguments.file(), scenario));
        TreeOutline outline = ScenarioSpecs.outline(scenario);
        for (String text : arguments.specs()) {
            specs.add(SpecSyntax.parse(text, outline));
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException(arguments.file() + " has no specs section and no --spec was given: a campaign needs"
                    + " something to check, e.g. --spec 'rootSurvives()'");
        }
        return specs;
    }

    private static PlanSpace space(RunArguments arguments, TreeOutline outline) {
        PlanSpace space = PlanSpace.over(outline).maxFaults(arguments.maxFaults());
        if (arguments.kinds().isPresent()) {
            space = space.kinds(arguments.kinds().get());
        }
        if (arguments.horizon().isPresent()) {
            space = space.horizon(arguments.horizon().get());
        }
        if (!arguments.targets().isEmpty()) {
            LinkedHashSet<String> targets = new LinkedHashSet<>();
            for (String path : arguments.targets()) {
                if (outline.node(path).isEmpty()) {
                    throw new IllegalArgumentException("--target " + Echo.value(path) + ": not a path of the tree (paths: "
                            + String.join(", ", outline.paths()) + ")");
                }
                targets.addAll(outline.under(path));
            }
            space = space.targets(List.copyOf(targets));
        }
        return space;
    }

    private int merge(List<String> args) {
        MergeArguments arguments;
        CampaignMerge.Result merged;
        try {
            arguments = MergeArguments.parse(args);
            merged = CampaignMerge.merge(arguments.dirs(), arguments.out(), arguments.promote());
        } catch (BadInput | IllegalArgumentException bad) {
            err.println("cascade campaign merge: " + bad.getMessage());
            err.println(MergeArguments.USAGE);
            return 2;
        } catch (UncheckedIOException failed) {
            err.println("cascade campaign merge: " + failed.getMessage());
            return 1;
        }
        out.print(merged.summary());
        out.println("index: " + merged.index());
        return merged.failures().isEmpty() && merged.missing().isEmpty() ? 0 : 1;
    }
}
