package dev.cascade.catalog;

import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.spec.Verdict;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessPerRequestTests {

    @Test
    void a_bare_spawn_per_request_turns_a_burst_of_500_into_500_live_processes() {
        Verdict verdict = Catalog.PROCESS_PER_REQUEST.check(Catalog.PROCESS_PER_REQUEST.entry().bad().run(SimulatedScheduler.withSeed(0)));
        assertThat(verdict).isInstanceOf(Verdict.Fail.class);
        assertThat(((Verdict.Fail) verdict).what()).startsWith("500 processes started by the tree lived at once (limit 50)");
    }

    @Test
    void the_pool_runs_at_most_50_supervised_request_processes_and_turns_the_rest_away() {
        CatalogRun run = Catalog.PROCESS_PER_REQUEST.entry().fixed().run(SimulatedScheduler.withSeed(0));
        assertThat(Catalog.PROCESS_PER_REQUEST.check(run).passed()).isTrue();
        long pooled = run.spec().trace().events(TraceEvent.Started.class).stream()
                .filter(started -> started.process().path().filter(path -> path.startsWith("root/pool/")).isPresent()).count();
        assertThat(pooled).isEqualTo(50);
    }
}
