package dev.cascade.cli;

import dev.cascade.scenario.FaultOutcome;
import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.OutcomeEvent;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.DynamicStart;
import dev.cascade.scenario.DynamicSupervisorNode;
import dev.cascade.scenario.ScenarioNode;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.trace.Accounting;

import java.util.List;
import java.util.Map;

/**
 * The readable summary of one run: the tree with final incarnations, the events, then briefly the
 * fault ledger (one line per fault) and the message accounting of the paths that were sent any.
 */
final class Summary {
    private Summary() {}

    static String of(Scenario scenario, Outcome outcome, String scheduler) {
        StringBuilder text = new StringBuilder();
        text.append("scenario ").append(scenario.name()).append(" (").append(scheduler).append(", ")
                .append(outcome.events().size()).append(" events)\n");
        text.append("final tree (incarnation alive at the end, - for none):\n");
        tree(text, scenario.tree(), scenario.tree().id(), "", "", outcome);
        text.append("events:\n");
        for (OutcomeEvent event : outcome.events()) {
            String time = event.tMs().isPresent() ? event.tMs().getAsLong() + " ms" : "";
            text.append(String.format("  %8s  %s%n", time, describe(event)));
        }
        ledger(text, outcome.ledger());
        messages(text, outcome.messages());
        return text.toString();
    }

    /** One line per fault: fired (how often, when) or skipped (why). */
    private static void ledger(StringBuilder text, List<FaultOutcome> ledger) {
        if (ledger.isEmpty()) {
            return;
        }
        text.append("fault ledger:\n");
        for (FaultOutcome fault : ledger) {
            String what = "  faults[" + fault.index() + "] " + fault.kind() + " " + fault.target();
            if (fault.status() == FaultOutcome.Status.SKIPPED) {
                text.append(what).append(": skipped (").append(fault.why()).append(")\n");
                continue;
            }
            List<FaultOutcome.Hit> hits = fault.hits();
            FaultOutcome.Hit first = hits.getFirst();
            text.append(what).append(": fired, ").append(hits.size()).append(hits.size() == 1 ? " hit at " : " hits from ")
                    .append(first.tMs()).append(" ms").append(hits.size() == 1 ? "" : " to " + hits.getLast().tMs() + " ms")
                    .append(first.detail().isEmpty() ? "" : " (" + first.detail() + (hits.size() == 1 ? ")" : ", ...)"))
                    .append('\n');
        }
    }

    /** The paths that were sent messages, with where the messages went. */
    private static void messages(StringBuilder text, Map<String, Accounting> messages) {
        if (messages.values().stream().allMatch(counts -> counts.sent() == 0 && counts.queued() == 0)) {
            return;
        }
        int width = messages.keySet().stream().mapToInt(String::length).max().orElse(0);
        text.append("messages at the end (sent = handled + dropped + lost + queued):\n");
        messages.forEach((path, counts) -> {
            if (counts.sent() > 0 || counts.queued() > 0) {
                text.append("  ").append(path).append(" ".repeat(width - path.length() + 2)).append(counts).append('\n');
            }
        });
    }

    private static void tree(StringBuilder text, ScenarioNode node, String path, String lead, String childLead,
                             Outcome outcome) {
        Integer incarnation = outcome.finalIncarnations().get(path);
        text.append("  ").append(lead).append(node.id())
                .append(node instanceof SupervisorNode ? " (supervisor)" : node instanceof DynamicSupervisorNode ? " (dynamic supervisor)" : "")
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
        if (node instanceof DynamicSupervisorNode dynamic) { // its children by key, started during the run
            List<DynamicStart> starts = dynamic.starts();
            for (int i = 0; i < starts.size(); i++) {
                Integer child = outcome.finalIncarnations().get(path + "/" + starts.get(i).key());
                text.append("  ").append(childLead).append(i == starts.size() - 1 ? "└─ " : "├─ ").append(starts.get(i).key())
                        .append(" (").append(starts.get(i).template()).append(", started at ")
                        .append(starts.get(i).at().toMillis()).append(" ms)").append(child == null ? "  -" : "  #" + child).append('\n');
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
