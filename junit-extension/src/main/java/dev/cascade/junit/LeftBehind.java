package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessInfo;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The processes a real-mode test may leave on one node it started (a tree's, or one from {@link CascadeContext#startNode}),
 * seen just before the test's things are closed; {@link #left} tells, after closing, which of them were still running
 * and so were killed by it.
 *
 * <p>Not counted: the tree's own processes (its supervisors and workers, which the tree's orderly stop ends, and what
 * they linked), a {@code Node.run} whose function returned (its process is ending), and Cascade's machinery on the
 * node (the tree's owner, fault plan runners and fault helpers, whose functions are written in {@code dev.cascade.chaos}).
 */
record LeftBehind(String where, Optional<ChaosTree> tree, List<ProcessInfo> seen) {
    private static final String MACHINERY = "dev.cascade.chaos.";

    /** A tree's node: what survives the tree's stop is left behind. */
    static LeftBehind on(TestRun.Started started) {
        return new LeftBehind("the node of tree " + started.name() + ", after the tree stopped", Optional.of(started.tree()),
                candidates(started.tree().node()));
    }

    /** A node the test started: whatever runs on it when the test ends is left behind. */
    static LeftBehind on(Node node) {
        return new LeftBehind("a node the test started (" + node.scheduler().description() + ")", Optional.empty(), candidates(node));
    }

    private static List<ProcessInfo> candidates(Node node) {
        return node.processes().stream()
                .filter(process -> process.treePath().isEmpty() && !process.isNodeRun() && !process.writtenIn().startsWith(MACHINERY))
                .toList();
    }

    /**
     * After closing, what was left, in a sentence with one line per process; empty when nothing was. On a tree, a
     * process counts when the tree's final trace (taken once the tree stopped, before its node was closed) does not
     * see it exit; an untraced tree cannot tell, and is not checked.
     */
    Optional<String> left() {
        List<ProcessInfo> left = seen;
        if (tree.isPresent()) {
            if (!tree.get().traced()) {
                return Optional.empty();
            }
            Set<Pid> ended = exited(tree.get().trace().everything());
            left = seen.stream().filter(process -> !ended.contains(process.pid())).toList();
        }
        if (left.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(left.size() + (left.size() == 1 ? " process" : " processes") + " still running on " + where
                + "; stopped by closing the node:" + left.stream().map(process -> "\n  " + process.describe()).collect(Collectors.joining()));
    }

    private static Set<Pid> exited(Trace trace) {
        Set<Pid> ended = new HashSet<>();
        for (TraceEvent event : trace.events()) {
            if (event instanceof TraceEvent.Exited exited) {
                ended.add(exited.process().pid());
            }
        }
        return ended;
    }
}
