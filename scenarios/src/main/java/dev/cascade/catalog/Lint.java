package dev.cascade.catalog;

import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioNode;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Strategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Static checks of a tree that need no run, each finding located in the scenario file's terms
 * ({@code tree.children[1].restart}): a root left at the default intensity, a temporary child under
 * a one-for-all supervisor, workers and supervisors mixed under a root with a short period.
 *
 * <pre>{@code
 * for (Lint.Finding finding : Lint.check(ScenarioReader.read(Path.of("payments.json")))) {
 *     System.out.println(finding.text());   // tree.intensity: the root root keeps the default intensity ...
 * }
 * }</pre>
 */
public final class Lint {
    /** A root period of at most this long is short: a worker's crash loop spends the same budget as the subtrees' escalations. */
    public static final Duration SHORT_PERIOD = Duration.ofSeconds(5);

    private Lint() {}

    /**
     * One finding: where in the file, and what and why.
     *
     * @param location the field it is about, as scenario file errors name it: {@code tree.children[1].restart}
     * @param message  what is wrong, why, and what to do
     */
    public record Finding(String location, String message) {
        /** Checks that nothing is null. */
        public Finding {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(message, "message");
        }

        /** {@code location: message}. */
        public String text() {
            return location + ": " + message;
        }
    }

    /** Every finding in {@code scenario}'s tree, in tree order (empty when the tree is clean). */
    public static List<Finding> check(Scenario scenario) {
        SupervisorNode root = scenario.tree();
        List<Finding> found = new ArrayList<>();
        if (root.intensity() == SupervisorNode.DEFAULT_INTENSITY && root.period().equals(SupervisorNode.DEFAULT_PERIOD)) {
            found.add(new Finding("tree.intensity", "the root " + root.id() + " keeps the default intensity (1 restart in 5 s): "
                    + "two crashes of any children within 5 s make it give up and take the whole application down "
                    + "(otp-semantics 3.6); set intensity and period_s for the bursts it must absorb, e.g. 10 in 10 s "
                    + "(catalog entry root-default-intensity)"));
        }
        List<String> workers = new ArrayList<>();
        List<String> supervisors = new ArrayList<>();
        for (ScenarioNode child : root.children()) {
            (child instanceof SupervisorNode ? supervisors : workers).add(child.id());
        }
        if (!workers.isEmpty() && !supervisors.isEmpty() && root.period().compareTo(SHORT_PERIOD) <= 0) {
            found.add(new Finding("tree.children", "the root " + root.id() + " mixes workers " + workers + " and supervisors "
                    + supervisors + " with a period of " + root.period().toSeconds() + " s: a worker's crash loop spends the "
                    + "restart budget the subtrees' escalations need, and both reach the root within one short window; put the "
                    + "workers under a supervisor of their own, or lengthen period_s"));
        }
        walk(root, "tree", found);
        return found;
    }

    private static void walk(SupervisorNode supervisor, String location, List<Finding> found) {
        for (int i = 0; i < supervisor.children().size(); i++) {
            ScenarioNode child = supervisor.children().get(i);
            String at = location + ".children[" + i + "]";
            if (supervisor.strategy() == Strategy.ONE_FOR_ALL && child.restart() == Restart.TEMPORARY) {
                found.add(new Finding(at + ".restart", child.id() + " is temporary under the one_for_all supervisor "
                        + supervisor.id() + ": the first crash of any sibling terminates it with the group and never starts "
                        + "it again (otp-semantics 3.4), so the group comes back without it; make it transient or permanent, "
                        + "or move it out of the group (catalog entry temporary-child)"));
            }
            if (child instanceof SupervisorNode nested) {
                walk(nested, at, found);
            }
        }
    }
}
