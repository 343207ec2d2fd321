package dev.cascade.chaos;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floods as plain messages, casts or calls, and the unexpected-message report: summarised (the
 * first message, then one count per process and type when it ends), never one log record per message.
 */
@ExtendWith(TestScheduler.Verify.class)
class FloodFormTests {

    /** A GenServer with no handleInfo: plain messages to it are unexpected (G11). */
    static final class NoInfo implements GenServer<Integer> {
        @Override
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer state) {
            return CallResult.reply(state, state);
        }
    }

    record Ping(int n) {}

    private static final SupervisorSpec TREE = SupervisorSpec.oneForOne()
            .withChild(ChildSpec.worker("quiet", NoInfo::new))
            .withChild(ChildSpec.worker("account", Account::new));

    private final Logger logger = Logger.getLogger(GenServer.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private boolean parents;

    @BeforeEach
    void capture() {
        parents = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false); // the records are the subject here, not build output
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(parents);
    }

    private List<String> lines() {
        SimpleFormatter formatter = new SimpleFormatter();
        return records.stream().flatMap(record -> formatter.format(record).lines()).toList();
    }

    @Test
    void a_flood_of_160_plain_messages_is_reported_in_two_records_not_160_G11() {
        try (ChaosTree tree = Trees.start(TREE)) {
            tree.inject(Fault.flood("root/quiet", 160, Ping::new));
            assertThat(tree.call("root/quiet", "get").replied()).isTrue(); // all 160 handled before the call
        }
        List<String> messages = records.stream().map(record -> java.text.MessageFormat.format(record.getMessage(),
                record.getParameters())).toList();
        assertThat(messages).hasSize(2);
        assertThat(messages.getFirst()).startsWith("undefined handleInfo in " + NoInfo.class.getName() + " (<")
                .contains("unhandled message: Ping[n=0]; further unhandled messages to <");
        assertThat(messages.getLast()).endsWith("ended; its undefined handleInfo dropped 160 unhandled messages: 160 Ping");
        assertThat(lines()).hasSizeLessThanOrEqualTo(4); // a console handler prints two lines a record: 4, not 320
    }

    @Test
    void a_flood_as_casts_reaches_handle_cast_and_logs_nothing() {
        try (ChaosTree tree = Trees.start(TREE)) {
            tree.inject(Fault.flood("root/account", 160, Ping::new).asCasts());
            assertThat(tree.call("root/account", "balance").orElseThrow()).isEqualTo(160);
            assertThat(tree.ledger().entries().getFirst().toString()).contains("flood 160 casts to root/account at once");
        }
        assertThat(records).isEmpty();
    }

    @Test
    void a_flood_as_calls_sends_each_from_a_caller_of_its_own_and_every_call_is_traced() {
        try (ChaosTree tree = Trees.start(TREE)) {
            tree.inject(Fault.flood("root/account", 40, i -> "balance").asCalls());
            Trees.await(tree, "40 replies", () -> tree.trace().events(TraceEvent.CallReplied.class).size() == 40);
            List<TraceEvent.CallStarted> calls = tree.trace().events(TraceEvent.CallStarted.class);
            assertThat(calls).hasSize(40);
            assertThat(calls.stream().map(call -> call.caller().pid()).distinct()).hasSize(40);
        }
        assertThat(records).isEmpty();
    }
}
