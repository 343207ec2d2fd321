package dev.cascade.cli;

import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.OutcomeEvent;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioNode;
import dev.cascade.scenario.SupervisorNode;

import java.util.List;

/** The readable summary of one run: the tree with final incarnations, then the events. */
final class Summary {
    private Summary() {}

    static String of(Scenario scenario, Outcome outcome, String scheduler) {
        StringBuilder text = new StringBuilder();
        text.append("scenario ").append(scenario.name()).append(" (").append(scheduler).append(", ")
                .append(outcome.events().size()).append(" events)\n");
        text.append("final tree (incarnation alive at the end, - for none):\n");
        tree(text, scenario.tree(), "root", "", "", outcome);
        text.append("events:\n");
        for (OutcomeEvent event : outcome.events()) {
            String time = event.tMs().isPresent() ? event.tMs().getAsLong() + " ms" : "";
            text.append(String.format("  %8s  %s%n", time, describe(event)));
        }
        return text.toString();
    }

    private static void tree(StringBuilder text, ScenarioNode node, String path, String lead, String childLead,
                             Outcome outcome) {
        Integer incarnation = outcome.finalIncarnations().get(path);
        text.append("  ").append(lead).append(node.id())
                .append(node instanceof SupervisorNode ? " (supervisor)" : "")
                .append(incarnation == null ? "  -" : "  #" + incarnation).append('\n');
        if (node instanceof SupervisorNode supervisor) {
            List<ScenarioNode> children = supervisor.children();
            for (int i = 0; i < children.size(); i++) {
                boolean last = i == children.size() - 1;
                ScenarioNode child = children.get(i);
                tree(text, child, path + "/" + child.id(), childLead + (last ? "└─ " : "├─ "),
                        childLead + (last ? "   " : "│  "), outcome);
            }
        }
    }

    private static String describe(OutcomeEvent event) {
        return switch (event) {
            case OutcomeEvent.Started e -> "started               " + e.path() + " #" + e.incarnation();
            case OutcomeEvent.StartFailed e -> "start_failed          " + e.path() + " (" + e.reason() + ")";
            case OutcomeEvent.Ignored e -> "ignored               " + e.path();
            case OutcomeEvent.Exited e -> "exited                " + e.path() + " #" + e.incarnation() + " (" + e.reason() + ")";
            case OutcomeEvent.SupervisorTerminated e ->
                    "supervisor_terminated " + e.path() + " #" + e.incarnation() + " (" + e.reason() + ")";
            case OutcomeEvent.FaultSkipped e -> "fault_skipped         " + e.path();
        };
    }
}
