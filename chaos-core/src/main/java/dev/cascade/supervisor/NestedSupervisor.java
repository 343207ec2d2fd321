package dev.cascade.supervisor;

import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ProcessContext;

import java.util.Objects;

/**
 * The start of a nested supervisor ({@link ChildSpec#supervisor}): kept as a value so tools that
 * read a tree (fault plans check their paths against it) can see the subtree's spec.
 *
 * @param spec the nested supervisor's spec
 */
public record NestedSupervisor(SupervisorSpec spec) implements ChildStart {
    public NestedSupervisor {
        Objects.requireNonNull(spec, "spec");
    }

    @Override
    public StartResult start(ProcessContext supervisor) {
        return Supervisor.startLink(supervisor, spec);
    }
}
