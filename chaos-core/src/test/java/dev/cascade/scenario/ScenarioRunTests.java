package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.chaos.LedgerEntry;
import dev.cascade.runtime.Scheduler;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.TraceFile;
import dev.cascade.trace.TraceRecord;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A scenario run keeps everything it left: the outcome is a view of the full trace, beside the ledger, seed and report. */
class ScenarioRunTests {

    static final Scenario CACHE_CRASH = ScenarioReader.read(Examples.SCENARIO);

    @Nested
    class On_the_simulated_scheduler {

        @Test
        void keeps_the_seed_the_report_the_trace_and_the_ledger_beside_the_outcome() {
            ScenarioRun run = ScenarioRunner.record(CACHE_CRASH, SimulatedScheduler.withSeed(42));

            assertThat(run.scenario()).isEqualTo(CACHE_CRASH);
            assertThat(run.seed()).hasValue(42);
            assertThat(run.simulation()).hasValueSatisfying(report -> assertThat(report.seed()).isEqualTo(42));
            assertThat(run.ledger().entries()).extracting(LedgerEntry::status)
                    .containsExactly(LedgerEntry.Status.FIRED, LedgerEntry.Status.FIRED);
            assertThat(OutcomeWriter.write(run.outcome()))
                    .isEqualTo(OutcomeWriter.write(ScenarioRunner.run(CACHE_CRASH, SimulatedScheduler.withSeed(42))));
        }

        @Test
        void is_written_as_a_cascade_trace_file_and_read_back_with_its_name_seed_and_events() throws IOException {
            ScenarioRun run = ScenarioRunner.record(CACHE_CRASH, SimulatedScheduler.withSeed(5));
            StringWriter file = new StringWriter();

            TraceFile.write(run.traceRecord(), file);
            TraceRecord read = TraceFile.read(new StringReader(file.toString()));

            assertThat(read.name()).isEqualTo("cache-crash");
            assertThat(read.scheduler().seed()).hasValue(5);
            assertThat(read.tree().paths()).containsExactlyElementsOf(CACHE_CRASH.paths());
            assertThat(read.trace().events()).hasSameSizeAs(run.trace().events());
            assertThat(read.ledger()).hasSize(2);
        }

        @Test
        void the_outcome_is_a_view_of_the_trace_each_start_and_end_of_a_path_once() {
            ScenarioRun run = ScenarioRunner.record(CACHE_CRASH, SimulatedScheduler.withSeed(3));

            List<String> tracedStarts = run.trace().events(TraceEvent.Started.class).stream()
                    .filter(started -> CACHE_CRASH.paths().contains(started.process().treePath()))
                    .map(started -> started.process().treePath() + "#" + started.process().number()).toList();
            List<String> outcomeStarts = run.outcome().events().stream()
                    .filter(event -> event instanceof OutcomeEvent.Started)
                    .map(event -> event.path() + "#" + ((OutcomeEvent.Started) event).incarnation()).toList();
            assertThat(outcomeStarts).containsExactlyInAnyOrderElementsOf(tracedStarts);
            assertThat(run.trace().events(TraceEvent.FaultFired.class)).hasSize(2);
        }

        @Test
        void a_tree_that_fails_to_start_is_a_run_with_its_start_up_traced_and_every_fault_skipped() {
            Scenario failing = ScenarioReader.read(Examples.SCENARIO.replace("\"fail_on\": [2]", "\"fail_on\": [1]"));

            ScenarioRun run = ScenarioRunner.record(failing, SimulatedScheduler.withSeed(0));

            assertThat(run.outcome().finalIncarnations().values()).containsOnlyNulls();
            assertThat(run.outcome().ledger()).allSatisfy(fault -> {
                assertThat(fault.status()).isEqualTo(FaultOutcome.Status.SKIPPED);
                assertThat(fault.why()).isEqualTo("the tree did not start; no fault is applied");
            });
            assertThat(run.trace().events(TraceEvent.StartFailed.class)).extracting(TraceEvent.StartFailed::path)
                    .containsExactly("root/app/api", "root/app", "root");
        }
    }

    @Test
    void on_the_real_scheduler_there_is_no_seed_and_no_simulation_report() {
        ScenarioRun run = ScenarioRunner.record(CACHE_CRASH, Scheduler.real());

        assertThat(run.seed()).isEmpty();
        assertThat(run.simulation()).isEmpty();
        assertThat(run.outcome().withoutTimes().events()).isNotEmpty();
    }
}
