package dev.cascade.catalog;

import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.spec.Verdict;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnsupervisedProcessTests {

    @Test
    void the_bare_jobs_crash_is_seen_by_no_supervisor_and_the_job_never_runs_again() {
        CatalogRun run = Catalog.UNSUPERVISED_PROCESS.entry().bad().run(SimulatedScheduler.withSeed(0));
        Verdict verdict = Catalog.UNSUPERVISED_PROCESS.check(run);
        assertThat(verdict).isInstanceOf(Verdict.Fail.class);
        assertThat(((Verdict.Fail) verdict).what()).startsWith("1 process(es) outside any supervisor crashed (first: ")
                .contains("disk full").endsWith("no supervisor saw it, nothing restarted it, and its work is lost");
        assertThat(run.spec().trace().events(TraceEvent.RestartDecided.class)).isEmpty();
    }

    @Test
    void the_supervised_job_is_restarted_by_its_dynamic_supervisor_and_its_second_attempt_completes() {
        CatalogRun run = Catalog.UNSUPERVISED_PROCESS.entry().fixed().run(SimulatedScheduler.withSeed(0));
        assertThat(Catalog.UNSUPERVISED_PROCESS.check(run).passed()).isTrue();
        assertThat(run.spec().trace().events(TraceEvent.Started.class).stream()
                .filter(started -> started.process().path().filter(path -> path.startsWith("root/job_sup/")).isPresent()))
                .hasSize(2);
    }
}
