package dev.cascade.catalog;

import dev.cascade.chaos.Fault;
import dev.cascade.spec.TreeOutline;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Strategy;
import dev.cascade.trace.TraceEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.cascade.catalog.Probes.node;
import static dev.cascade.catalog.Probes.parent;
import static dev.cascade.catalog.Probes.timed;

/** The probes of a supervisor's strategy against how its children depend on each other, as their own traffic shows it. */
final class StrategyProbes {
    private StrategyProbes() {}

    /** Each one_for_all supervisor, one of its workers crashed: are siblings that never talked to it restarted with it? */
    static List<Finding> oneForAllIndependent(ProbeTree tree) {
        List<Finding> found = new ArrayList<>();
        TreeOutline outline = tree.outline();
        Observed observed = null;
        for (String path : outline.paths()) {
            TreeOutline.Node supervisor = node(outline, path);
            boolean oneForAll = supervisor.settings().filter(known -> known.strategy() == Strategy.ONE_FOR_ALL).isPresent();
            if (!supervisor.supervisor() || !oneForAll || supervisor.children().size() < 2) {
                continue;
            }
            String crashed = supervisor.children().stream().filter(child -> Observed.worker(outline, child))
                    .filter(child -> node(outline, child).restart() != Restart.TEMPORARY).findFirst().orElse(null);
            if (crashed == null) {
                continue;
            }
            observed = observed == null ? Observed.of(tree) : observed;
            CatalogRun run = tree.run("probe-one-for-all-independent", List.of(timed(0, Fault.raise(crashed, "probe"))),
                    Duration.ofSeconds(2));
            List<String> independent = new ArrayList<>();
            for (String sibling : supervisor.children()) {
                boolean restarted = run.spec().trace().events(TraceEvent.Started.class).stream()
                        .anyMatch(started -> started.process().isAt(sibling) && started.process().incarnation().orElse(1) > 1);
                Observed seen = observed;
                boolean talks = outline.under(sibling).stream().anyMatch(under -> seen.talk(crashed, under));
                if (!sibling.equals(crashed) && restarted && !talks) {
                    independent.add(sibling);
                }
            }
            if (!independent.isEmpty()) {
                found.add(new Finding(Catalog.ONE_FOR_ALL_INDEPENDENT, path, "a crash of " + crashed + " restarts "
                        + String.join(", ", independent) + " too (" + path + " is one_for_all), though " + crashed + " and "
                        + String.join(", ", independent) + " exchanged no message in "
                        + Observed.BASELINE_MS + " ms of the tree's own traffic: their work is lost and their callers fail for a "
                        + "crash that was not theirs; use one_for_one, or give the children that do depend on each other a "
                        + "supervisor of their own"));
            }
        }
        return found;
    }

    /** Each worker that sends to another, the other killed: does it go on sending to the dead incarnation? */
    static List<Finding> oneForOneDependent(ProbeTree tree) {
        List<Finding> found = new ArrayList<>();
        TreeOutline outline = tree.outline();
        Observed observed = Observed.of(tree);
        for (Map.Entry<String, Set<String>> sender : observed.sends().entrySet()) {
            String dependent = sender.getKey();
            for (String partner : sender.getValue()) {
                CatalogRun run = tree.run("probe-one-for-one-dependent", List.of(timed(0, Fault.kill(partner))),
                        Duration.ofSeconds(1).plus(observed.start(partner).multipliedBy(2)));
                List<StaleSends.Stale> stale = StaleSends.of(run.spec(), dependent, partner);
                if (stale.isEmpty()) {
                    continue;
                }
                TreeOutline.Node parent = parent(outline, partner);
                found.add(new Finding(Catalog.ONE_FOR_ONE_DEPENDENT, dependent, dependent + " keeps sending to " + stale.getFirst().partner()
                        + " after " + partner + " was killed and restarted: " + stale.size() + " message(s) to the dead incarnation, from "
                        + StaleSends.ms(run.spec(), stale.getFirst().sent()) + " ms to " + StaleSends.ms(run.spec(), stale.getLast().sent())
                        + " ms, each dropped. It holds the pid it got at its own start, and " + parent.path() + " ("
                        + parent.settings().map(known -> known.strategy().name().toLowerCase(java.util.Locale.ROOT)).orElse("its strategy")
                        + ") restarted " + partner + " alone; start "
                        + partner + " before " + dependent + " under rest_for_one, so a new " + partner + " brings a new " + dependent));
                break;
            }
        }
        return found;
    }
}
