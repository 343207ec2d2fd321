package dev.cascade.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Node.processes(): Erlang's processes() with process_info/1, for telling what a test left running. */
class NodeProcessesTests {

    @Test
    void lists_the_live_processes_with_their_name_status_and_the_function_they_started_with() {
        try (Node node = Node.start()) {
            Pid waiter = node.spawn(ctx -> {
                ctx.register("waiter");
                ctx.receive(message -> false, Timeout.INFINITY);
            });
            node.run(ctx -> ctx.spawn(NodeProcessesTests::forever));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(node.processes())
                    .extracting(ProcessInfo::status).containsOnly(ProcessInfo.Status.WAITING).hasSize(2));
            List<ProcessInfo> processes = node.processes();

            ProcessInfo first = processes.getFirst();
            assertThat(first.pid()).isEqualTo(waiter);
            assertThat(first.registeredName()).contains("waiter");
            assertThat(first.treePath()).isEmpty();
            assertThat(first.writtenIn()).isEqualTo(NodeProcessesTests.class.getName());
            assertThat(first.describe()).startsWith(waiter + " (registered as waiter) waiting in receive at NodeProcessesTests.lambda$")
                    .contains(", started as NodeProcessesTests.lambda$");
            assertThat(processes.get(1).describe()).contains(" waiting in receive at NodeProcessesTests.forever(NodeProcessesTests.java:")
                    .contains("started as NodeProcessesTests.forever(NodeProcessesTests.java:");
        }
    }

    @Test
    void a_node_run_is_told_apart_by_where_its_function_was_written_and_starts_as_the_function_given_to_run() {
        try (Node node = Node.start()) {
            ProcessInfo self = node.run(ctx -> node.processes().stream().filter(p -> p.pid().equals(ctx.self())).findFirst().orElseThrow());
            assertThat(self.isNodeRun()).isTrue();
            assertThat(self.status()).isEqualTo(ProcessInfo.Status.RUNNING);
            assertThat(self.initialCall()).hasValueSatisfying(frame -> assertThat(frame.getClassName()).isEqualTo(NodeProcessesTests.class.getName()));
        }
    }

    @Test
    void a_process_not_yet_run_is_named_by_the_class_its_function_was_written_in() {
        try (Node node = Node.start(dev.cascade.simulation.SimulatedScheduler.withSeed(1), RuntimeListener.NONE)) {
            Pid pid = node.spawn(NodeProcessesTests::forever);

            assertThat(node.processes()).singleElement().satisfies(process -> {
                assertThat(process.status()).isEqualTo(ProcessInfo.Status.NOT_STARTED);
                assertThat(process.describe()).isEqualTo(pid + " not started yet, to run a function written in NodeProcessesTests");
            });
        }
    }

    private static void forever(ProcessContext ctx) {
        ctx.receive(message -> false, Timeout.INFINITY);
    }
}
