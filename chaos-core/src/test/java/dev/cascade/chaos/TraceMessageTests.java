package dev.cascade.chaos;

import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Message;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import dev.cascade.conformance.TestScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A trace shows messages as the user sent them: the runtime's call, cast and reply wrappers unwrapped, signals named. */
@ExtendWith(TestScheduler.Verify.class)
class TraceMessageTests {
    /** A request without fields: shown by its name. */
    record Increment() {}

    private static SupervisorSpec twoWorkers(Worker.Journal journal) {
        return SupervisorSpec.oneForOne()
                .withChild(ChildSpec.worker("a", () -> new Worker(journal)))
                .withChild(ChildSpec.worker("b", () -> new Worker(journal)));
    }

    private static List<Message> sentTo(Trace trace, String path) {
        return trace.events(TraceEvent.Sent.class).stream().filter(sent -> sent.to().isAt(path)).map(TraceEvent.Sent::message)
                .toList();
    }

    @Test
    void a_cast_a_call_its_reply_and_an_exit_signal_are_shown_as_the_user_sent_them() {
        Worker.Journal journal = new Worker.Journal();
        try (ChaosTree tree = Trees.start(twoWorkers(journal))) {
            Trees.cast(tree, "root/a", new Worker.Hop(1));
            Trees.cast(tree, "root/a", new Worker.CallWith(Trees.pid(tree, "root/b"), new Increment(), Duration.ofSeconds(1)));
            Trees.await(tree, "the call's outcome", () -> journal.entries().contains(new Worker.CallOutcome("ok")));
            tree.inject(Fault.kill("root/b"));
            Trees.awaitIncarnations(tree, "root/b", 2);
            Trace trace = tree.trace();

            assertThat(sentTo(trace, "root/a")).extracting(Message::text, Message::type).contains(
                    tuple("cast Hop[n=1]", "Hop"), tuple("reply ok", "String"));
            assertThat(sentTo(trace, "root/a").getFirst().value()).contains(new Worker.Hop(1));
            assertThat(sentTo(trace, "root/b")).extracting(Message::text, Message::type)
                    .contains(tuple("call Increment", "Increment"));
            assertThat(sentTo(trace, "root")).extracting(Message::text, Message::type)
                    .contains(tuple("'EXIT' from root/b#1: killed", "EXIT"));
            assertThat(trace.events(TraceEvent.CallStarted.class)).singleElement()
                    .satisfies(call -> assertThat(call.request()).isEqualTo(Message.read("Increment", "Increment")));
        }
    }

    @Test
    void a_message_read_back_equals_the_recorded_one_by_text_and_type_but_holds_no_object() {
        Message recorded = Message.of(new Worker.Hop(2));
        Message read = Message.read("Hop[n=2]", "Hop");

        assertThat(read).isEqualTo(recorded).hasSameHashCodeAs(recorded).hasToString("Hop[n=2]");
        assertThat(read.value()).isEmpty();
        assertThat(recorded.value()).contains(new Worker.Hop(2));
        assertThat(Message.of(null)).extracting(Message::text, Message::type).containsExactly("null", "null");
    }
}
