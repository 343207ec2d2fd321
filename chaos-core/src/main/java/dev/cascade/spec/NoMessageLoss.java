package dev.cascade.spec;

import dev.cascade.spec.internal.TraceReading;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.TraceEvent;

import java.util.List;

/** {@link CascadeSpec#noLostMessages} and {@link CascadeSpec#noDroppedMessages}. */
record NoMessageLoss(List<String> paths, boolean dropped) implements CascadeSpec {
    NoMessageLoss {
        paths = List.copyOf(paths);
    }

    public String name() {
        return (dropped ? "noDroppedMessages(" : "noLostMessages(") + String.join(", ", paths) + ")";
    }

    public Verdict check(CascadeRun run) {
        paths.forEach(path -> run.tree().require(path, name()));
        List<TraceEvent> found = run.trace().events().stream()
                .filter(event -> switch (event) {
                    case TraceEvent.MessageLost lost -> !dropped && watched(lost.in());
                    case TraceEvent.MessageDropped drop -> dropped && drop.to() instanceof ProcessId to && watched(to);
                    default -> false;
                })
                .toList();
        if (found.isEmpty()) {
            return Verdicts.passIfSettled(name(), run);
        }
        String where = paths.isEmpty() ? "the tree" : String.join(", ", paths);
        return Verdicts.fail(name(), run, found.size() + " message(s) " + (dropped ? "dropped on the way to " : "lost in ") + where
                + " (first: " + found.getFirst().describe() + ")", found);
    }

    private boolean watched(ProcessId process) {
        return TraceReading.path(process)
                .map(path -> paths.isEmpty() || paths.stream().anyMatch(top -> TreeOutline.isUnder(path, top)))
                .orElse(false);
    }

    @Override
    public String toString() {
        return name();
    }
}
