package dev.cascade.catalog;

import dev.cascade.runtime.Scheduler;
import dev.cascade.scenario.Scenario;
import dev.cascade.supervisor.SupervisorSpec;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An entry's bad or fixed tree, ready to run: a scenario file, or — where the file format cannot say
 * it (user code, calls made inside handlers, processes started outside the tree) — Java code that
 * builds a {@code ChaosTree}, drives it and returns the run.
 *
 * <pre>{@code
 * Story bad = Catalog.INIT_TRAP.entry().bad();
 * CatalogRun run = bad.run(SimulatedScheduler.withSeed(0));
 * List<Finding> found = Catalog.INIT_TRAP.probe(bad.scenario().orElseThrow());
 * }</pre>
 */
public sealed interface Story {

    /** The run's name: {@code init-trap-bad}. */
    String name();

    /** Runs it on {@code scheduler}. */
    CatalogRun run(Scheduler scheduler);

    /** The scenario, when the story is a file. */
    Optional<Scenario> scenario();

    /** The Java tree a probe can run ({@code Catalog.INIT_TRAP.probe(spec)}), when the story is code. */
    Optional<SupervisorSpec> tree();

    /** A scenario file's story. */
    record File(Scenario file) implements Story {
        /** Checks that it is not null. */
        public File {
            Objects.requireNonNull(file, "file");
        }

        public String name() {
            return file.name();
        }

        public CatalogRun run(Scheduler scheduler) {
            return CatalogRun.of(file, scheduler);
        }

        public Optional<Scenario> scenario() {
            return Optional.of(file);
        }

        public Optional<SupervisorSpec> tree() {
            return Optional.empty();
        }
    }

    /**
     * A story in Java: {@code body} builds the tree on the scheduler, drives it and returns the run;
     * {@code spec} is the same tree for a probe (its children's code, without the story's counters).
     */
    record Code(String name, String source, SupervisorSpec spec, Function<Scheduler, CatalogRun> body) implements Story {
        /** Checks that nothing is null. */
        public Code {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(body, "body");
        }

        public CatalogRun run(Scheduler scheduler) {
            return body.apply(scheduler);
        }

        public Optional<Scenario> scenario() {
            return Optional.empty();
        }

        public Optional<SupervisorSpec> tree() {
            return Optional.of(spec);
        }
    }
}
