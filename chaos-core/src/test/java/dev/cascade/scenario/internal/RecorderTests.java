package dev.cascade.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.scenario.OutcomeEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecorderTests {
    private final Recorder recorder = new Recorder(Set.of("root"), () -> 0L);

    private List<OutcomeEvent> events() {
        return recorder.freeze(0).events().stream().map(OutcomeEvent::withoutTime).toList();
    }

    @Test
    void an_incarnation_killed_before_its_start_is_recorded_ends_right_after_its_start() {
        Pid early = new Pid(7);

        recorder.processExited(early, ExitReason.KILLED, List.of()); // a fault's thread got there first
        recorder.record("root/db", new StartResult.Started(early));

        assertThat(events()).containsExactly(new OutcomeEvent.Started("root/db", 1), new OutcomeEvent.Exited("root/db", 1, "killed"));
        assertThat(recorder.freeze(0).live()).isEmpty();
    }

    @Test
    void processes_that_never_became_an_incarnation_leave_no_event() {
        recorder.processExited(new Pid(8), ExitReason.NORMAL, List.of()); // an injector, a failed start
        recorder.record("root", new StartResult.Started(new Pid(9)));

        assertThat(events()).containsExactly(new OutcomeEvent.Started("root", 1));
        assertThat(recorder.freeze(0).live()).containsEntry("root", 1);
    }

    @Test
    void a_failed_call_is_spelled_call_and_its_cause() {
        Pid caller = new Pid(3);
        recorder.record("root/api", new StartResult.Started(caller));

        recorder.processExited(caller, new ExitReason.CallFailed(ExitReason.TIMEOUT, "call(<0.4.0>, ping, 100 ms)"), List.of());

        assertThat(events()).endsWith(new OutcomeEvent.Exited("root/api", 1, "call:timeout"));
    }
}
