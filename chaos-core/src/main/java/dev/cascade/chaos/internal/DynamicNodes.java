package dev.cascade.chaos.internal;

import dev.cascade.dynamic.internal.DynamicPaths;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.supervisor.SupervisorSpec;

import java.util.List;
import java.util.Optional;

/**
 * The children of a tree's dynamic supervisors as paths faults and tests can name
 * ({@code root/sessions/alice}). A dynamic supervisor restarts one-for-one within its own intensity,
 * so each child's supervisor spec, for the checks that read it (an intensity breach), is
 * one-for-one with those flags.
 */
final class DynamicNodes implements TreeShape.Grown {
    private final Kernel kernel;

    DynamicNodes(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public Optional<TreeShape.Node> node(String path) {
        return DynamicPaths.of(kernel).child(path).map(child -> new TreeShape.Node(path, child.spec(),
                SupervisorSpec.oneForOne().withIntensity(child.flags().intensity(), child.flags().period()), null));
    }

    @Override
    public List<String> paths() {
        return DynamicPaths.of(kernel).paths();
    }
}
