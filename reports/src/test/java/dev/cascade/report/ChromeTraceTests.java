package dev.cascade.report;

import dev.cascade.internal.json.JsonParser;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonValue.JsonString;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Chrome Trace Event export, read back as the JSON Perfetto reads. */
class ChromeTraceTests {
    final List<JsonObject> events = ((JsonArray) ((JsonObject) JsonParser.parse(ChromeTrace.of(Fixtures.cacheCrash())))
            .members().get("traceEvents")).elements().stream().map(JsonObject.class::cast).toList();

    static String text(JsonObject o, String member) {
        return o.members().get(member) instanceof JsonString s ? s.value() : String.valueOf(o.members().get(member));
    }

    List<JsonObject> phase(String ph) {
        return events.stream().filter(e -> text(e, "ph").equals(ph)).toList();
    }

    @Test
    void each_tree_path_is_a_thread_named_after_it_in_tree_order() {
        List<String> threads = phase("M").stream().filter(e -> text(e, "name").equals("thread_name"))
                .map(e -> text((JsonObject) e.members().get("args"), "name")).toList();
        assertThat(threads).startsWith("root", "root/db", "root/app", "root/app/cache", "root/app/api").contains("outside the tree");
    }

    @Test
    void each_incarnation_is_a_slice_on_its_paths_thread() {
        List<String> incarnations = phase("X").stream().filter(e -> text(e, "cat").equals("incarnation")).map(e -> text(e, "name")).toList();
        assertThat(incarnations).contains("root/app/cache#1", "root/app/cache#2", "root/app/api#1", "root/app/api#2", "root/db#1");
    }

    @Test
    void every_handled_message_is_a_slice_with_a_flow_arrow_from_its_send() {
        long handled = Browser.count(Fixtures.cacheCrash(), "\"type\":\"handled\"");
        assertThat(phase("X").stream().filter(e -> text(e, "cat").equals("handled"))).hasSize((int) handled);
        Map<String, Long> starts = phase("s").stream().collect(Collectors.groupingBy(e -> text(e, "id"), Collectors.counting()));
        List<String> finishes = phase("f").stream().map(e -> text(e, "id")).toList();
        assertThat(finishes).hasSize((int) handled).allSatisfy(id -> assertThat(starts).containsKey(id));
    }

    @Test
    void crashes_lost_messages_and_faults_are_instant_events() {
        List<String> instants = phase("i").stream().map(e -> text(e, "name")).toList();
        assertThat(instants).contains("exited error:boom", "fault raise root/app/cache boom", "restart root/app/cache")
                .filteredOn(name -> name.startsWith("lost message")).hasSize(2);
        assertThat(instants).contains("dropped message #40 (no_process)");
    }

    @Test
    void refuses_text_that_is_not_a_cascade_trace_and_says_what_to_do() {
        assertThatThrownBy(() -> ChromeTrace.of("{\"format\":\"cascade-outcome/1\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a report needs a cascade-trace/1 document but its format is \"cascade-outcome/1\"; write it with TraceFile");
        assertThatThrownBy(() -> Report.of("not json"))
                .hasMessageStartingWith("a report needs a cascade-trace/1 document but the text is not JSON: ");
    }

}
