package dev.cascade.catalog;

import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.scenario.Traffic;
import dev.cascade.scenario.WorkerNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Walks a scenario's tree for the probes: workers, parents, children and who calls whom. */
final class Trees {
    private Trees() {}

    static List<String> workers(Scenario tree) {
        return tree.paths().stream().filter(path -> tree.node(path).orElseThrow() instanceof WorkerNode).toList();
    }

    static WorkerNode worker(Scenario tree, String path) {
        return (WorkerNode) tree.node(path).orElseThrow();
    }

    static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    static List<String> children(Scenario tree, String supervisor) {
        SupervisorNode node = (SupervisorNode) tree.node(supervisor).orElseThrow();
        return node.children().stream().map(child -> supervisor + "/" + child.id()).toList();
    }

    /** For each worker that is called, the workers that call it, in path order. */
    static Map<String, Set<String>> callers(Scenario tree) {
        Map<String, Set<String>> callers = new LinkedHashMap<>();
        for (String path : workers(tree)) {
            for (Traffic traffic : worker(tree, path).sends()) {
                if (traffic.kind() == Traffic.Kind.CALL) {
                    callers.computeIfAbsent(traffic.to(), to -> new LinkedHashSet<>()).add(path);
                }
            }
        }
        return callers;
    }

    /** The longest timeout of the calls to {@code callee}. */
    static Duration longestTimeout(Scenario tree, String callee) {
        Duration longest = Duration.ZERO;
        for (String path : workers(tree)) {
            for (Traffic traffic : worker(tree, path).sends()) {
                if (traffic.kind() == Traffic.Kind.CALL && traffic.to().equals(callee) && traffic.timeout().compareTo(longest) > 0) {
                    longest = traffic.timeout();
                }
            }
        }
        return longest;
    }
}
