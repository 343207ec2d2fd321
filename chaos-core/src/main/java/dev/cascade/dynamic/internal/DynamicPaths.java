package dev.cascade.dynamic.internal;

import dev.cascade.dynamic.DynamicSupervisorSpec;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.supervisor.ChildSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tree paths the dynamic supervisors of a node have given their children, attached to its
 * kernel: a child registered under a key holds {@code <supervisor path>/<key>}
 * ({@code root/sessions/alice}), any other {@code <supervisor path>/<id>-<n>}, the n-th child with
 * that id ({@code root/workers/worker-2}). A path is kept after its child ends, so a plan or a test
 * can still name it (and get {@code noproc}), and a later child with the same key takes it again,
 * as its next incarnation.
 *
 * <pre>{@code
 * DynamicPaths.of(kernel).child("root/sessions/alice").map(DynamicPaths.Child::spec);
 * }</pre>
 */
public final class DynamicPaths {
    /**
     * One dynamic child's path.
     *
     * @param supervisor the dynamic supervisor's path
     * @param spec       the child spec it was started with (the latest, for a key started again)
     * @param flags      its supervisor's flags: the intensity its restarts count against
     */
    public record Child(String path, String supervisor, ChildSpec spec, DynamicSupervisorSpec flags) {}

    private final Map<String, Child> children = new ConcurrentHashMap<>();
    private final Map<String, Long> firstGiven = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong given = new java.util.concurrent.atomic.AtomicLong();

    private DynamicPaths() {}

    /** The node's dynamic paths (created on first use). */
    public static DynamicPaths of(Kernel kernel) {
        return kernel.attach(DynamicPaths.class, DynamicPaths::new);
    }

    void add(Child child) {
        children.put(child.path(), child);
        firstGiven.computeIfAbsent(child.path(), p -> given.incrementAndGet());
    }

    /**
     * A child that will be asked for under {@code child.path()} (a scenario's starts): faults and tests
     * may name the path before the child exists, and find no live process there until it started. A
     * child that starts there later replaces it; one that already did is kept.
     */
    public void expect(Child child) {
        if (children.putIfAbsent(child.path(), child) == null) {
            firstGiven.computeIfAbsent(child.path(), p -> given.incrementAndGet());
        }
    }

    /** The dynamic child that holds or held {@code path}. */
    public Optional<Child> child(String path) {
        return Optional.ofNullable(children.get(path));
    }

    /** Every dynamic child path so far, in the order they were first given. */
    public List<String> paths() {
        return firstGiven.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }
}
