package dev.cascade.trace;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Tracing;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Strategy;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trace model: causal links between events (a restart back to its fault, a restart's start to
 * its decision, a lost message to the exit of the process it was queued in), the rules of a trace
 * (ids in order, causes earlier), and message accounting, on hand-made traces and on simulated runs.
 */
class TraceModelTests {
    private static final Duration SLOW = Duration.ofMillis(100);

    /** A flood's messages. */
    record Request(int n) {}

    private static ChaosTree simulated(SupervisorSpec spec) {
        return ChaosTree.builder(spec).scheduler(SimulatedScheduler.withSeed(7)).tracing(Tracing.ON).start();
    }

    /** Closes the tree (as its parent would) and returns the trace of the whole run. */
    private static Trace closeAndTrace(ChaosTree tree) {
        tree.close();
        return tree.trace().everything(); // the model as recorded, the test's own processes included
    }

    private static SupervisorSpec oneWorker() {
        return SupervisorSpec.oneForOne().withChild(ChildSpec.worker("w", Idle::new));
    }

    private static <T extends TraceEvent> T only(Trace trace, Class<T> type) {
        List<T> events = trace.events(type);
        assertThat(events).as("%s events", type.getSimpleName()).hasSize(1);
        return events.getFirst();
    }

    private static TraceEvent.Started started(Trace trace, String path, int incarnation) {
        return trace.events(TraceEvent.Started.class).stream()
                .filter(s -> s.process().isAt(path) && s.process().number() == incarnation)
                .findFirst().orElseThrow(() -> new AssertionError("no start of " + path + "#" + incarnation + " in\n" + trace));
    }

    private static TraceEvent.Exited exited(Trace trace, String path, int incarnation) {
        return trace.events(TraceEvent.Exited.class).stream()
                .filter(e -> e.process().isAt(path) && e.process().incarnation().equals(java.util.OptionalInt.of(incarnation)))
                .findFirst().orElseThrow(() -> new AssertionError("no exit of " + path + "#" + incarnation + " in\n" + trace));
    }

    // ---- causal links ------------------------------------------------------------------------

    @Test
    void a_message_in_a_trace_line_is_escaped_so_its_text_cannot_act_on_a_terminal() {
        ProcessId from = ProcessId.outside(new Pid(1));
        ProcessId to = ProcessId.outside(new Pid(2));
        TraceEvent sent = new TraceEvent.Sent(1, 0, java.util.OptionalLong.empty(), from, to, Message.of("\u001B[2J" + "z".repeat(100)));

        assertThat(sent.describe()).contains(" sent \\u001b[2J").doesNotContain("\u001B").contains("z…");
    }

    @Test
    void aRestartsCauseChainGoesBackThroughTheExitToTheFault() {
        try (ChaosTree tree = simulated(oneWorker())) {
            tree.inject(Fault.raise("root/w", "boom"));
            tree.runFor(Duration.ofMillis(10));
            Trace trace = tree.trace();

            TraceEvent.RestartDecided restart = only(trace, TraceEvent.RestartDecided.class);
            List<TraceEvent> chain = trace.chain(restart);

            assertThat(chain.getFirst()).isInstanceOfSatisfying(TraceEvent.FaultFired.class, fired -> {
                assertThat(fired.description()).isEqualTo("raise boom on root/w");
                assertThat(fired.target().toString()).isEqualTo("root/w#1");
                assertThat(fired.cause()).as("a fault is a root").isEmpty();
            });
            assertThat(chain.getLast()).isSameAs(restart);
            assertThat(chain).contains(exited(trace, "root/w", 1));
            assertThat(exited(trace, "root/w", 1).reason().describe()).isEqualTo("error:boom");
            for (int i = 1; i < chain.size(); i++) {
                assertThat(chain.get(i).cause()).as("step %d of the chain is caused by the step before it", i)
                        .hasValue(chain.get(i - 1).id());
            }
            assertThat(restart.supervisor().toString()).isEqualTo("root#1");
            assertThat(restart.child()).isEqualTo("root/w");
            assertThat(trace.explain(restart).root()).isSameAs(chain.getFirst());
        }
    }

    @Test
    void theStartOfARestartedChildIsCausedByItsSupervisorsRestartDecision() {
        try (ChaosTree tree = simulated(oneWorker())) {
            tree.inject(Fault.kill("root/w"));
            tree.runFor(Duration.ofMillis(10));
            Trace trace = tree.trace();

            TraceEvent.Started restarted = started(trace, "root/w", 2);
            assertThat(trace.cause(restarted)).get().isInstanceOfSatisfying(TraceEvent.RestartDecided.class, decided -> {
                assertThat(decided.child()).isEqualTo("root/w");
                assertThat(decided.group()).containsExactly("root/w");
            });
            assertThat(started(trace, "root/w", 1).cause()).as("the first start answers no restart").isEmpty();
        }
    }

    @Test
    void everyChildAOneForAllRestartStopsAndStartsAgainIsCausedByTheOneDecision() {
        SupervisorSpec spec = SupervisorSpec.oneForAll()
                .withChild(ChildSpec.worker("a", Idle::new))
                .withChild(ChildSpec.worker("b", Idle::new));
        try (ChaosTree tree = simulated(spec)) {
            tree.inject(Fault.raise("root/a", "boom"));
            tree.runFor(Duration.ofMillis(10));
            Trace trace = tree.trace();

            TraceEvent.RestartDecided decided = only(trace, TraceEvent.RestartDecided.class);
            assertThat(decided.group()).containsExactly("root/a", "root/b");
            assertThat(started(trace, "root/a", 2).cause()).hasValue(decided.id());
            assertThat(started(trace, "root/b", 2).cause()).hasValue(decided.id());
            TraceEvent.Exited sibling = exited(trace, "root/b", 1);
            assertThat(sibling.reason()).isEqualTo(ExitReason.SHUTDOWN);
            assertThat(trace.chain(sibling)).as("b was stopped for a's restart").contains(decided);
        }
    }

    @Test
    void aFaultThatSlowsASupervisorsRestartKeepsItsChildrensStartsLinkedToTheRestart() {
        SupervisorSpec app = SupervisorSpec.oneForOne().withChild(ChildSpec.worker("a", Idle::new));
        SupervisorSpec spec = SupervisorSpec.oneForOne().withChild(ChildSpec.supervisor("app", app));
        try (ChaosTree tree = simulated(spec)) {
            tree.inject(Fault.slowStart("root/app", Duration.ofMillis(5), 2));
            tree.inject(Fault.kill("root/app"));
            tree.runFor(Duration.ofMillis(10));
            Trace trace = tree.trace();

            List<TraceEvent> chain = trace.chain(started(trace, "root/app/a", 2));
            assertThat(chain).as("a#2 was started by app#2, which root restarted after the kill")
                    .anySatisfy(step -> assertThat(step).isInstanceOfSatisfying(TraceEvent.RestartDecided.class,
                            decided -> assertThat(decided.child()).isEqualTo("root/app")));
            assertThat(chain.getFirst()).isInstanceOfSatisfying(TraceEvent.FaultFired.class,
                    fired -> assertThat(fired.description()).isEqualTo("kill root/app"));
            assertThat(chain).as("the slow start is a step of the story")
                    .anySatisfy(step -> assertThat(step).isInstanceOfSatisfying(TraceEvent.FaultFired.class,
                            fired -> assertThat(fired.description()).startsWith("slow start")));
        }
    }

    @Test
    void aLostMessageIsCausedByTheExitOfTheProcessItWasQueuedIn() {
        try (ChaosTree tree = simulated(oneWorker())) {
            tree.inject(Fault.slowHandling("root/w", SLOW));
            tree.inject(Fault.flood("root/w", 5, Request::new));
            tree.runFor(Duration.ofMillis(50)); // the first request is in hand, four are queued
            tree.inject(Fault.kill("root/w"));
            tree.runFor(Duration.ofMillis(1));
            Trace trace = tree.trace();

            TraceEvent.Exited exit = exited(trace, "root/w", 1);
            assertThat(trace.cause(exit)).get().isInstanceOfSatisfying(TraceEvent.FaultFired.class,
                    fired -> assertThat(fired.description()).isEqualTo("kill root/w"));
            List<TraceEvent.MessageLost> lost = trace.events(TraceEvent.MessageLost.class);
            assertThat(lost).hasSize(4).allSatisfy(message -> {
                assertThat(message.cause()).hasValue(exit.id());
                assertThat(message.in().toString()).isEqualTo("root/w#1");
                assertThat(trace.event(message.message())).get().isInstanceOfSatisfying(TraceEvent.Sent.class, sent -> {
                    assertThat(sent.message().value()).containsInstanceOf(Request.class);
                    assertThat(sent.from()).isEqualTo(message.from());
                    assertThat(((ProcessId) sent.to()).pid()).isEqualTo(exit.process().pid());
                });
            });
            assertThat(lost).extracting(message -> ((Request) ((TraceEvent.Sent) trace.event(message.message()).orElseThrow())
                    .message().value().orElseThrow()).n()).containsExactly(1, 2, 3, 4);
            TraceEvent.Handled inHand = trace.events(TraceEvent.Handled.class).stream().filter(TraceEvent.Handled::crashed)
                    .findFirst().orElseThrow();
            assertThat(inHand.by().toString()).isEqualTo("root/w#1");
            assertThat(inHand.took()).isEqualTo(Duration.ofMillis(50));
        }
    }

    @Test
    void everyCauseIsAnEarlierEventOfTheSameTrace() {
        SupervisorSpec app = SupervisorSpec.oneForOne().withIntensity(2, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("a", Idle::new))
                .withChild(ChildSpec.worker("b", Idle::new).withRestart(Restart.TRANSIENT));
        SupervisorSpec spec = SupervisorSpec.oneForOne().withStrategy(Strategy.REST_FOR_ONE)
                .withIntensity(5, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("w", Idle::new))
                .withChild(ChildSpec.supervisor("app", app));
        FaultPlan plan = FaultPlan.builder()
                .at(Duration.ZERO, Fault.slowHandling("root/app/a", Duration.ofMillis(30)))
                .at(Duration.ZERO, Fault.flood("root/app/a", 20, Request::new).atRate(Duration.ofMillis(5)))
                .at(Duration.ofMillis(40), Fault.raise("root/w", "boom"))
                .at(Duration.ofMillis(60), Fault.breachIntensity("root/app/b"))
                .at(Duration.ZERO, Fault.failingStart("root/app/a", 3))
                .build();
        try (ChaosTree tree = simulated(spec)) {
            tree.apply(plan);
            tree.runFor(Duration.ofMillis(500));
            Trace trace = closeAndTrace(tree);

            assertThat(trace.events()).isNotEmpty().allSatisfy(event -> {
                event.cause().ifPresent(cause -> assertThat(cause).as("cause of %s", event).isBetween(1L, event.id() - 1));
                assertThat(trace.event(event.id())).get().isSameAs(event);
            });
            assertThat(trace.events(TraceEvent.SupervisorGaveUp.class)).isNotEmpty();
            assertThat(trace.events(TraceEvent.StartFailed.class)).isNotEmpty();
            assertThat(trace.event(0)).isEmpty();
            assertThat(trace.event(trace.events().size() + 1)).isEmpty();
        }
    }

    @Test
    void eventIdsMustCountUpFromOneInTheirOrder() {
        TraceEvent second = new TraceEvent.Started(2, 0, HandMade.ROOT, HandMade.at(1, "root", 1));
        assertThatThrownBy(() -> new Trace(List.of(second), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event 1 has id 2");
    }

    @Test
    void aProcessIsNamedByItsPathAndIncarnationOrByItsPid() {
        assertThat(HandMade.at(5, "root/app/cache", 4)).hasToString("root/app/cache#4");
        assertThat(ProcessId.starting(new Pid(5), "root/app/cache")).hasToString("root/app/cache (starting)");
        assertThat(ProcessId.starting(new Pid(5), "root/app/cache").incarnation()).isEmpty();
        assertThatThrownBy(() -> HandMade.at(5, "root/app/cache", 0)).hasMessage("an incarnation is numbered from 1 but was 0");
        assertThat(HandMade.outside(5)).hasToString(new Pid(5).toString());
        assertThat(HandMade.outside(5).inTree()).isFalse();
    }

    // ---- accounting ----------------------------------------------------------------------------

    @Test
    void accountingCountsSentHandledDroppedAndLostFromTheEventsAndQueuedFromTheMailbox() {
        HandMade made = new HandMade();
        ProcessId.Incarnation w = HandMade.at(5, "root/w", 1);
        ProcessId sender = HandMade.outside(9);
        long a = made.add(id -> new TraceEvent.Sent(id, 0, HandMade.ROOT, sender, w, Message.of("a")));
        long b = made.add(id -> new TraceEvent.Sent(id, 0, HandMade.ROOT, sender, w, Message.of("b")));
        long c = made.add(id -> new TraceEvent.Sent(id, 0, HandMade.ROOT, sender, w, Message.of("c")));
        long d = made.add(id -> new TraceEvent.Sent(id, 0, HandMade.ROOT, sender, w, Message.of("d")));
        made.add(id -> new TraceEvent.Delivered(id, 0, HandMade.by(a), a, w));
        made.add(id -> new TraceEvent.Handled(id, 0, HandMade.by(a), a, w, Duration.ZERO, false));
        made.add(id -> new TraceEvent.MessageDropped(id, 0, HandMade.by(b), b, w, DropReason.DROPPED_NEWEST));
        long exit = made.add(id -> new TraceEvent.Exited(id, 0, HandMade.ROOT, w, ExitReason.KILLED));
        made.add(id -> new TraceEvent.MessageLost(id, 0, HandMade.by(exit), c, w, sender));
        Trace trace = made.queued(w.pid(), 1).trace();

        assertThat(d).isEqualTo(4);
        assertThat(trace.accounting()).isEqualTo(new Accounting(4, 1, 1, 1, 1));
        assertThat(trace.accounting().balanced()).isTrue();
        assertThat(trace.accountingByProcess()).containsOnlyKeys(w.pid());
        assertThat(trace.accountingByPath()).containsOnlyKeys("root/w");
        assertThat(trace.accounting()).hasToString("sent 4 = handled 1 + dropped 1 + lost 1 + queued 1");
    }

    @Test
    void aMessageThatIsNeitherHandledDroppedLostNorQueuedUnbalancesTheAccounting() {
        HandMade made = new HandMade();
        ProcessId.Incarnation w = HandMade.at(5, "root/w", 1);
        long a = made.add(id -> new TraceEvent.Sent(id, 0, HandMade.ROOT, HandMade.outside(99), w, Message.of("a")));
        made.add(id -> new TraceEvent.Sent(id, 0, HandMade.ROOT, HandMade.outside(99), w, Message.of("vanishes")));
        made.add(id -> new TraceEvent.Handled(id, 0, HandMade.by(a), a, w, Duration.ZERO, false));
        Trace trace = made.trace();

        assertThat(trace.accounting().balanced()).isFalse();
        assertThat(trace.accountingByPath().get("root/w"))
                .hasToString("sent 2 = handled 1 + dropped 0 + lost 0 + queued 0  (UNBALANCED)");
    }

    @Test
    void accountingByPathAddsUpEveryIncarnationOfThePath() {
        try (ChaosTree tree = simulated(oneWorker())) {
            tree.inject(Fault.slowHandling("root/w", SLOW));
            tree.inject(Fault.flood("root/w", 3, Request::new));
            tree.runFor(Duration.ofMillis(150));
            tree.inject(Fault.kill("root/w"));
            tree.runFor(Duration.ofMillis(1));
            tree.inject(Fault.flood("root/w", 2, Request::new));
            tree.runFor(Duration.ofMillis(500));
            Trace trace = tree.trace();

            Map<String, Accounting> summed = new HashMap<>();
            Map<Pid, String> paths = new HashMap<>();
            trace.events(TraceEvent.Started.class).forEach(s -> paths.put(s.process().pid(), s.process().treePath()));
            trace.accountingByProcess().forEach((pid, accounting) -> {
                if (paths.containsKey(pid)) {
                    summed.merge(paths.get(pid), accounting, Accounting::plus);
                }
            });
            assertThat(trace.accountingByPath()).isEqualTo(summed);
            assertThat(trace.accountingByPath().get("root/w")).isEqualTo(new Accounting(5, 4, 0, 1, 0));
            assertThat(trace.accounting().balanced()).isTrue();
        }
    }

    @Test
    void aMessageBeingHandledWhenTheTraceIsTakenIsStillAccountedFor() {
        try (ChaosTree tree = simulated(oneWorker())) {
            tree.inject(Fault.slowHandling("root/w", SLOW));
            tree.inject(Fault.flood("root/w", 3, Request::new));
            tree.runFor(Duration.ofMillis(50)); // request 0 is in its (slow) handler, 1 and 2 are queued
            Accounting w = tree.trace().accountingByPath().get("root/w");

            assertThat(w.sent()).isEqualTo(3);
            assertThat(w.handled()).as("handled: none has finished").isZero();
            assertThat(w.balanced()).as("the request in hand is accounted for: %s", w).isTrue();
        }
    }

    @Test
    void closingTheTreeLosesWhatItsProcessesStillHadQueued() {
        try (ChaosTree tree = simulated(oneWorker())) {
            tree.inject(Fault.slowHandling("root/w", SLOW));
            tree.inject(Fault.flood("root/w", 5, Request::new));
            tree.runFor(Duration.ofMillis(50));
            Trace trace = closeAndTrace(tree);

            TraceEvent.Exited shutdown = exited(trace, "root/w", 1);
            assertThat(shutdown.reason()).isEqualTo(ExitReason.SHUTDOWN);
            assertThat(trace.events(TraceEvent.MessageLost.class)).hasSize(4)
                    .allSatisfy(lost -> assertThat(lost.cause()).hasValue(shutdown.id()));
            assertThat(trace.accountingByPath().get("root/w")).isEqualTo(new Accounting(5, 1, 0, 4, 0));
            assertThat(trace.accounting().queued()).isZero();
            assertThat(trace.accounting().balanced()).isTrue();
        }
    }

    @Test
    void aMessageALinkFaultStillHoldsWhenTheTreeClosesIsNotLeftQueued() {
        Chatter.Config talker = new Chatter.Config("w1", Duration.ofMillis(10), Duration.ZERO, List.of("w2"), null,
                Duration.ofMillis(50), MailboxLimit.UNBOUNDED, Restart.PERMANENT);
        Chatter.Config listener = new Chatter.Config("w2", Duration.ofSeconds(10), Duration.ZERO, List.of(), null,
                Duration.ofMillis(50), MailboxLimit.UNBOUNDED, Restart.PERMANENT);
        SupervisorSpec spec = SupervisorSpec.oneForOne().withChild(talker.child()).withChild(listener.child());
        try (ChaosTree tree = simulated(spec)) {
            tree.inject(Fault.reorder("root/w1", "root/w2", Duration.ofSeconds(5)));
            tree.runFor(Duration.ofMillis(55)); // five notes held back until the window ends, in 5 s
            assertThat(tree.trace().accountingByPath().get("root/w2")).as("while running, held notes count as queued")
                    .isEqualTo(new Accounting(5, 0, 0, 0, 5));
            Accounting w2 = closeAndTrace(tree).accountingByPath().get("root/w2");

            assertThat(w2.balanced()).isTrue();
            assertThat(w2.queued()).as("queued for a process that no longer exists, after close: %s", w2).isZero();
            assertThat(w2.dropped() + w2.lost()).isEqualTo(5);
        }
    }

    @Test
    void withTracingOffThereIsNoTraceToAskFor() {
        try (ChaosTree tree = ChaosTree.builder(oneWorker()).scheduler(SimulatedScheduler.withSeed(1)).tracing(Tracing.OFF)
                .start()) {
            assertThatThrownBy(tree::trace).isInstanceOf(IllegalStateException.class).hasMessageContaining("Tracing.ON");
        }
        try (Node node = Node.start(SimulatedScheduler.withSeed(1), RuntimeListener.NONE, Tracing.OFF)) {
            assertThatThrownBy(node::trace).isInstanceOf(IllegalStateException.class).hasMessageContaining("Tracing.ON");
        }
    }
}
