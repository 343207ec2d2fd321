package dev.cascade.trace;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Timeout;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cascade-trace/1 files: written event by event and read back into an equal record. */
class TraceFileTests {
    private static final OptionalLong ROOT = OptionalLong.empty();

    private static OptionalLong by(long id) {
        return OptionalLong.of(id);
    }

    /** One event of every type, with every optional member both present and absent somewhere. */
    static List<TraceEvent> everyType() {
        ProcessId.Incarnation root = ProcessId.incarnation(new Pid(2), "root", 1);
        ProcessId.Incarnation db = ProcessId.incarnation(new Pid(3), "root/db", 1);
        ProcessId starting = ProcessId.starting(new Pid(4), "root/cache");
        ProcessId outside = ProcessId.outside(new Pid(1));
        return List.of(
                new TraceEvent.Spawned(1, 0, ROOT, starting, Optional.of(new Pid(2))),
                new TraceEvent.Spawned(2, 0, ROOT, outside, Optional.empty()),
                new TraceEvent.Started(3, 10, by(1), db),
                new TraceEvent.StartIgnored(4, 10, ROOT, "root/ignored"),
                new TraceEvent.StartFailed(5, 10, by(1), "root/cache", ExitReason.custom("init_failed")),
                new TraceEvent.Sent(6, 20, ROOT, outside, db, Message.read("cast Hop[n=1, text=\"quoted\\n\"]", "Hop")),
                new TraceEvent.Delivered(7, 20, by(6), 6, db),
                new TraceEvent.Handled(8, 25, by(6), 6, db, Duration.ofNanos(5), false),
                new TraceEvent.CallStarted(9, 30, by(8), db, root, Message.read("call GetBalance", "GetBalance"),
                        Timeout.ofMillis(5000)),
                new TraceEvent.CallStarted(10, 30, by(8), db, root, Message.read("call Wait", "Wait"), Timeout.INFINITY),
                new TraceEvent.CallReplied(11, 31, by(9), 9, db),
                new TraceEvent.CallTimedOut(12, 40, by(10), 10, db),
                new TraceEvent.CallFailed(13, 41, by(10), 10, db, ExitReason.NOPROC),
                new TraceEvent.Exited(14, 50, by(13), db, new ExitReason.CallFailed(ExitReason.KILLED, "call to root (request: Wait)")),
                new TraceEvent.Exited(15, 50, ROOT, starting, ExitReason.raised(new IllegalStateException("boom"))),
                new TraceEvent.RestartDecided(16, 50, by(14), root, "root/db", List.of("root/db", "root/cache")),
                new TraceEvent.SupervisorGaveUp(17, 60, by(14), root, "root/db", 3, Duration.ofSeconds(5), 4, List.of(14L, 15L)),
                new TraceEvent.MessageDropped(18, 60, by(6), 6, db, DropReason.LATE_REPLY),
                new TraceEvent.MessageLost(19, 60, by(14), 6, db, outside),
                new TraceEvent.UserCall(20, 70, by(8), db, "Repo.save", "\"apple\", 3", Duration.ofMillis(2), Optional.of("SQLException: x")),
                new TraceEvent.UserCall(21, 70, by(8), db, "Repo.load", "", Duration.ZERO, Optional.empty()),
                new TraceEvent.FaultFired(22, 80, ROOT, 1, "kill root/db", db, ""),
                new TraceEvent.FaultSkipped(23, 80, ROOT, 2, "crash root/cache", Optional.of("root/cache"), "no live process"),
                new TraceEvent.FaultSkipped(24, 80, ROOT, 3, "method fault", Optional.empty(), "the run ended before it applied"));
    }

    private static TraceRecord record(Trace trace) {
        TreeShape shape = TreeShape.of("root", SupervisorSpec.oneForAll().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("db", ctx -> null).withRestart(Restart.TRANSIENT))
                .withChild(ChildSpec.supervisor("sub", SupervisorSpec.restForOne())));
        List<FaultRecord> ledger = List.of(
                new FaultRecord(1, Duration.ofMillis(100), "kill root/db", "fired", "",
                        List.of(new FaultRecord.Hit(Duration.ofMillis(100), "root/db", OptionalInt.of(1), ""),
                                new FaultRecord.Hit(Duration.ofMillis(101), "root/cache", OptionalInt.empty(), "attempt 2"))),
                new FaultRecord(2, Duration.ofMillis(200), "crash root/cache", "skipped", "no live process", List.of()),
                new FaultRecord(3, Duration.ofMillis(300), "method fault", "pending", "", List.of()));
        return new TraceRecord("every-type", SchedulerInfo.of(SimulatedScheduler.withSeed(7)), shape, trace, ledger);
    }

    private static String written(TraceRecord record) throws IOException {
        StringWriter out = new StringWriter();
        TraceFile.write(record, out);
        return out.toString();
    }

    private static TraceRecord readBack(String text) throws IOException {
        return TraceFile.read(new StringReader(text));
    }

    @Test
    void a_trace_with_every_event_type_is_read_back_equal() throws IOException {
        Trace trace = new Trace(everyType(), Map.of(new Pid(3), 2));
        TraceRecord record = record(trace);
        Set<String> types = trace.events().stream().map(event -> event.getClass().getSimpleName()).collect(Collectors.toSet());

        TraceRecord back = readBack(written(record));

        assertThat(types).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(TraceEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
        assertThat(back).isEqualTo(record);
        assertThat(back.trace().accounting()).isEqualTo(trace.accounting());
        assertThat(back.trace().accountingByPath()).isEqualTo(trace.accountingByPath());
    }

    @Test
    void the_file_is_one_json_object_with_the_header_then_one_event_per_line_then_the_footer() throws IOException {
        String text = written(record(new Trace(everyType(), Map.of())));
        List<String> lines = text.lines().toList();

        assertThat(lines.get(1)).isEqualTo("  \"format\": \"cascade-trace/1\",");
        assertThat(lines).contains("  \"seed\": 7,", "  \"events\": [", "  ],");
        assertThat(lines).contains(
                "{\"id\":14,\"at_ns\":50,\"cause\":13,\"type\":\"exited\",\"process\":{\"pid\":3,\"path\":\"root/db\",\"incarnation\":1},"
                        + "\"reason\":\"call:killed\",\"reason_call\":\"call to root (request: Wait)\"},",
                "{\"id\":2,\"at_ns\":0,\"type\":\"spawned\",\"process\":{\"pid\":1}},");
        assertThat(lines.stream().filter(line -> line.startsWith("{\"id\":"))).hasSize(everyType().size());
        assertThat(dev.cascade.internal.json.JsonParser.parse(text)).isInstanceOf(dev.cascade.internal.json.JsonValue.JsonObject.class);
    }

    @Test
    void a_bounded_trace_keeps_its_ids_its_left_out_counts_and_its_exact_accounting() throws IOException {
        List<TraceEvent> kept = everyType().stream().filter(event -> event.id() % 3 != 0).toList();
        Map<String, Long> leftByType = new LinkedHashMap<>();
        everyType().stream().filter(event -> event.id() % 3 == 0)
                .forEach(event -> leftByType.merge(dev.cascade.trace.internal.EventTypes.of(event), 1L, Long::sum));
        Trace full = new Trace(everyType(), Map.of());
        Trace bounded = new Trace(kept, Map.of(), new LeftOut(8, leftByType), full.accountingByProcess());

        TraceRecord back = readBack(written(record(bounded)));

        assertThat(back.trace()).isEqualTo(bounded);
        assertThat(back.trace().leftOut().events()).isEqualTo(8);
        assertThat(back.trace().accounting()).isEqualTo(full.accounting());
        assertThat(back.trace().event(15)).isEmpty();
        assertThat(back.trace().event(14)).get().isInstanceOf(TraceEvent.Exited.class);
    }

    @Test
    void a_chaos_tree_run_is_read_back_equal_and_reads_as_it_ran() throws IOException {
        SupervisorSpec spec = SupervisorSpec.oneForOne().withIntensity(1, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("a", ctx -> dev.cascade.genserver.GenServer.startLink(ctx, new Idle())));
        TraceRecord record;
        try (ChaosTree tree = ChaosTree.builder(spec).scheduler(SimulatedScheduler.withSeed(3)).start()) {
            tree.inject(Fault.breachIntensity("root/a"));
            tree.runFor(Duration.ofSeconds(1));
            record = TraceRecord.of("breach", tree, spec);
        }

        TraceRecord back = readBack(written(record));

        assertThat(back).isEqualTo(record);
        assertThat(back.trace().events(TraceEvent.SupervisorGaveUp.class)).hasSize(1);
        assertThat(back.trace().explain(back.trace().events(TraceEvent.SupervisorGaveUp.class).getFirst()).text())
                .isEqualTo(record.trace().explain(record.trace().events(TraceEvent.SupervisorGaveUp.class).getFirst()).text());
        assertThat(back.scheduler().seed()).hasValue(3);
    }

    @Test
    void a_file_of_another_format_is_refused_with_what_was_expected() {
        String text = """
                {
                  "format": "cascade-trace/9",
                  "name": "",
                  "events": [
                  ],
                  "left_out": { "events": 0, "by_type": {} }
                }
                """;

        assertThatThrownBy(() -> readBack(text)).isInstanceOf(TraceFormatException.class)
                .hasMessage("header, member \"format\": expected \"cascade-trace/1\" but was \"cascade-trace/9\"; "
                        + "this reader reads cascade-trace/1 only");
    }

    @Test
    void a_value_echoed_in_a_read_error_is_escaped_and_cut_with_its_length() throws IOException {
        String text = written(record(new Trace(everyType(), Map.of())))
                .replace("\"reason\":\"late_reply\"", "\"reason\":\"\\u001b[31m" + "x".repeat(100) + "\"");

        assertThatThrownBy(() -> readBack(text)).isInstanceOf(TraceFormatException.class)
                .hasMessageEndingWith("but was \"\\u001b[31m" + "x".repeat(75) + "…\" (105 characters)")
                .hasMessageNotContaining("\u001b");
    }

    @Test
    void a_bad_event_is_reported_at_its_line_and_member() throws IOException {
        String text = written(record(new Trace(everyType(), Map.of())))
                .replace("\"reason\":\"late_reply\"", "\"reason\":\"lost_in_space\"");
        int line = text.lines().toList().indexOf(text.lines().filter(l -> l.contains("lost_in_space")).findFirst().orElseThrow()) + 1;

        assertThatThrownBy(() -> readBack(text)).isInstanceOf(TraceFormatException.class)
                .hasMessage("line " + line + ", member \"reason\": expected one of no_process, late_reply, rejected_full,"
                        + " dropped_newest, dropped_oldest, fault but was \"lost_in_space\"");
    }

    @Test
    void a_file_cut_short_says_what_it_expected() throws IOException {
        String text = written(record(new Trace(everyType(), Map.of())));
        String cut = text.substring(0, text.lastIndexOf("  ],"));

        assertThatThrownBy(() -> readBack(cut)).isInstanceOf(TraceFormatException.class)
                .hasMessageEndingWith("expected a line ], after the events but the file ended");
    }

    /** A server that does nothing. */
    static final class Idle implements dev.cascade.genserver.GenServer<String> {
        @Override
        public dev.cascade.genserver.InitResult<String> init(dev.cascade.runtime.ProcessContext ctx) {
            return dev.cascade.genserver.InitResult.ok("idle");
        }
    }
}
