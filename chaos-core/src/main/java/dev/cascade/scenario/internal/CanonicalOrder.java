package dev.cascade.scenario.internal;

import dev.cascade.scenario.OutcomeEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical order after a killed supervisor (scenario-format.md, Outcome): its
 * {@code supervisor_terminated (killed)} first, then the ends of its descendants that were alive,
 * child by child in reverse start order, each child's subtree in its own recorded order; then
 * everything else. OTP does not order these concurrent exits; this makes outcomes comparable.
 */
final class CanonicalOrder {
    private CanonicalOrder() {}

    /**
     * @param startOrder every path of the scenario in start (pre-order) order
     */
    static List<OutcomeEvent> apply(List<OutcomeEvent> recorded, List<String> startOrder) {
        List<OutcomeEvent> events = new ArrayList<>(recorded);
        Map<String, Integer> live = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            OutcomeEvent event = events.get(i);
            if (event instanceof OutcomeEvent.SupervisorTerminated killed && killed.reason().equals("killed")) {
                pullDescendantsUp(events, i, killed.path(), live, startOrder);
            }
            track(live, events.get(i));
        }
        return events;
    }

    private static void pullDescendantsUp(List<OutcomeEvent> events, int index, String supervisor,
                                          Map<String, Integer> live, List<String> startOrder) {
        String prefix = supervisor + "/";
        Map<String, Integer> aliveBelow = new HashMap<>();
        live.forEach((path, number) -> {
            if (path.startsWith(prefix)) {
                aliveBelow.put(path, number);
            }
        });
        List<OutcomeEvent> pulled = new ArrayList<>();
        for (int j = index + 1; j < events.size() && !aliveBelow.isEmpty(); j++) {
            OutcomeEvent event = events.get(j);
            if (endOf(event, aliveBelow)) {
                aliveBelow.remove(event.path());
                pulled.add(events.remove(j--));
            }
        }
        // Stable sort: reverse start order of the killed supervisor's direct children, recorded order within each.
        pulled.sort(Comparator.comparingInt(event -> -startOrder.indexOf(directChild(prefix, event.path()))));
        events.addAll(index + 1, pulled);
    }

    private static String directChild(String prefix, String path) {
        int slash = path.indexOf('/', prefix.length());
        return slash < 0 ? path : path.substring(0, slash);
    }

    private static boolean endOf(OutcomeEvent event, Map<String, Integer> aliveBelow) {
        Integer number = aliveBelow.get(event.path());
        return switch (event) {
            case OutcomeEvent.Exited e -> number != null && e.incarnation() == number;
            case OutcomeEvent.SupervisorTerminated e -> number != null && e.incarnation() == number;
            default -> false;
        };
    }

    private static void track(Map<String, Integer> live, OutcomeEvent event) {
        switch (event) {
            case OutcomeEvent.Started e -> live.put(e.path(), e.incarnation());
            case OutcomeEvent.Exited e -> live.remove(e.path(), e.incarnation());
            case OutcomeEvent.SupervisorTerminated e -> live.remove(e.path(), e.incarnation());
            default -> { }
        }
    }
}
