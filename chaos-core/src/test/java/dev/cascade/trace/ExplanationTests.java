package dev.cascade.trace;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.Tracing;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cascade explanations: a few lines from the root fault to the event, without plumbing. The silent
 * cascade (a crash loop in one child takes its sibling's queued messages down with the subtree, and
 * the restarted tree looks healthy), a raise and its restart, a kill that loses messages, events
 * without a cause, and the folding of repeated failures on hand-made traces.
 */
class ExplanationTests {
    private static final Duration SLOW = Duration.ofMillis(100);

    /** A request to the api. */
    record Request(int n) {}

    private static ChaosTree simulated(SupervisorSpec spec) {
        return ChaosTree.builder(spec).scheduler(SimulatedScheduler.withSeed(11)).tracing(Tracing.ON).start();
    }

    private static SupervisorSpec oneWorker() {
        return SupervisorSpec.oneForOne().withChild(ChildSpec.worker("w", Idle::new));
    }

    private static TraceEvent.Started started(Trace trace, String path, int incarnation) {
        return trace.events(TraceEvent.Started.class).stream()
                .filter(s -> s.process().isAt(path) && s.process().number() == incarnation)
                .findFirst().orElseThrow(() -> new AssertionError("no start of " + path + "#" + incarnation + " in\n" + trace));
    }

    // ---- the silent cascade ------------------------------------------------------------------

    /** root: one_for_one (1 restart in 5 s) over root/app: one_for_one, 3 restarts in 5 s, over cache and api. */
    private static SupervisorSpec shop() {
        SupervisorSpec app = SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("cache", Idle::new))
                .withChild(ChildSpec.worker("api", Idle::new));
        return SupervisorSpec.oneForOne().withChild(ChildSpec.supervisor("app", app));
    }

    /**
     * The api is slow (100 ms a request) and has 12 requests: after 250 ms it handled 2, has the 3rd
     * in hand and 9 queued. Then cache crash-loops past app's intensity.
     */
    private static Trace silentCascade(ChaosTree tree) {
        tree.inject(Fault.slowHandling("root/app/api", SLOW));
        tree.inject(Fault.flood("root/app/api", 12, Request::new));
        tree.runFor(Duration.ofMillis(250));
        tree.inject(Fault.breachIntensity("root/app/cache"));
        tree.runFor(Duration.ofMillis(100));
        return tree.trace();
    }

    @Test
    void theSilentCascadeIsToldFromTheCrashLoopToTheMessagesLostInTheInnocentSibling() {
        try (ChaosTree tree = simulated(shop())) {
            Trace trace = silentCascade(tree);

            List<TraceEvent.MessageLost> lost = trace.events(TraceEvent.MessageLost.class);
            assertThat(lost).hasSize(9).allSatisfy(message -> assertThat(message.in().toString()).isEqualTo("root/app/api#1"));
            Explanation explanation = trace.explain(lost.getFirst());

            assertThat(explanation.text()).isEqualTo("""
                    root/app/cache exited killed 4× at once (fault intensity breach on root/app/cache)
                    → root/app#1 gave up (4 restarts > intensity 3 in 5 s)
                    → root#1 restarted root/app
                    → 9 messages lost in root/app/api#1""");
            assertThat(explanation.lines()).hasSize(4);
            assertThat(explanation.toString()).isEqualTo(explanation.text());
            assertThat(explanation.root()).isInstanceOfSatisfying(TraceEvent.FaultFired.class,
                    fired -> assertThat(fired.description()).isEqualTo("intensity breach on root/app/cache"));
            assertThat(trace.explain(lost.getLast()).text()).as("every message lost with it tells the same story")
                    .isEqualTo(explanation.text());
        }
    }

    @Test
    void afterTheSilentCascadeTheTreeLooksHealthyButTheApisMessagesAreGone() {
        try (ChaosTree tree = simulated(shop())) {
            Trace trace = silentCascade(tree);

            assertThat(tree.whereis("root/app/api")).as("api is up again").isPresent();
            assertThat(tree.incarnations("root/app/api")).isEqualTo(2);
            TraceEvent.Exited apiExit = trace.events(TraceEvent.Exited.class).stream()
                    .filter(exit -> exit.process().isAt("root/app/api")).findFirst().orElseThrow();
            assertThat(apiExit.reason()).isEqualTo(ExitReason.SHUTDOWN);
            assertThat(trace.cause(apiExit)).get().isInstanceOf(TraceEvent.SupervisorGaveUp.class);
            assertThat(trace.chain(apiExit).getFirst()).as("api went down for the breach on cache, not for anything done to api")
                    .isInstanceOfSatisfying(TraceEvent.FaultFired.class,
                            fired -> assertThat(fired.target().path()).contains("root/app/cache"));
            assertThat(trace.accountingByPath().get("root/app/api")).as("12 sent: 2 handled, 1 died in hand, 9 lost")
                    .isEqualTo(new Accounting(12, 3, 0, 9, 0));
        }
    }

    @Test
    void theRestartedSubtreeIsExplainedByTheGiveUpAndItsParentsRestartOnce() {
        try (ChaosTree tree = simulated(shop())) {
            Trace trace = silentCascade(tree);

            assertThat(trace.explain(started(trace, "root/app", 2)).text()).isEqualTo("""
                    root/app/cache exited killed 4× at once (fault intensity breach on root/app/cache)
                    → root/app#1 gave up (4 restarts > intensity 3 in 5 s)
                    → root#1 restarted root/app
                    → root/app#2 started""");
        }
    }

    @Test
    void aSupervisorThatGivesUpInTurnIsTheReactionToTheOneBelow() {
        SupervisorSpec app = SupervisorSpec.oneForOne().withIntensity(1, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("cache", Idle::new));
        SupervisorSpec spec = SupervisorSpec.oneForOne().withIntensity(1, Duration.ofSeconds(5))
                .withChild(ChildSpec.supervisor("app", app));
        try (ChaosTree tree = simulated(spec)) {
            tree.inject(Fault.breachIntensity("root/app/cache"));
            tree.runFor(Duration.ofMillis(10));
            tree.inject(Fault.breachIntensity("root/app/cache"));
            tree.runFor(Duration.ofMillis(10));
            Trace trace = tree.trace();

            List<TraceEvent.SupervisorGaveUp> gaveUp = trace.events(TraceEvent.SupervisorGaveUp.class);
            assertThat(gaveUp).extracting(up -> up.supervisor().toString()).containsExactly("root/app#1", "root/app#2", "root#1");
            assertThat(trace.explain(gaveUp.get(1)).text()).isEqualTo("""
                    root/app/cache exited killed 2× at once (fault intensity breach on root/app/cache)
                    → root/app#2 gave up (2 restarts > intensity 1 in 5 s)
                    → root#1 gave up (2 restarts > intensity 1 in 5 s)""");
            assertThat(trace.explain(gaveUp.get(2)).text()).isEqualTo("""
                    root/app exited shutdown 2× in 10 ms (fault intensity breach on root/app/cache)
                    → root#1 gave up (2 restarts > intensity 1 in 5 s)""");
        }
    }

    // ---- single faults -----------------------------------------------------------------------

    @Test
    void aRaiseIsToldAsTheExitItCausedThenTheRestartThenTheNewIncarnation() {
        try (ChaosTree tree = simulated(oneWorker())) {
            tree.inject(Fault.raise("root/w", "boom"));
            tree.runFor(Duration.ofMillis(10));
            Trace trace = tree.trace();

            TraceEvent.Started restarted = started(trace, "root/w", 2);
            assertThat(trace.explain(restarted).lines()).containsExactly(
                    "root/w#1 exited error:boom (fault raise boom on root/w)",
                    "root#1 restarted root/w",
                    "root/w#2 started");
            TraceEvent.RestartDecided decided = trace.events(TraceEvent.RestartDecided.class).getFirst();
            assertThat(trace.explain(decided).text()).isEqualTo("""
                    root/w#1 exited error:boom (fault raise boom on root/w)
                    → root#1 restarted root/w""");
        }
    }

    @Test
    void aOneForAllRestartNamesTheSiblingsItRestartedWithTheFailedChild() {
        SupervisorSpec spec = SupervisorSpec.oneForAll()
                .withChild(ChildSpec.worker("a", Idle::new))
                .withChild(ChildSpec.worker("b", Idle::new))
                .withChild(ChildSpec.worker("c", Idle::new));
        try (ChaosTree tree = simulated(spec)) {
            tree.inject(Fault.kill("root/b"));
            tree.runFor(Duration.ofMillis(10));
            Trace trace = tree.trace();

            assertThat(trace.explain(started(trace, "root/c", 2)).text()).isEqualTo("""
                    root/b#1 exited killed (fault kill root/b)
                    → root#1 restarted root/b with root/a, root/c
                    → root/c#2 started""");
        }
    }

    @Test
    void aKillOfAProcessWithQueuedMessagesCountsWhatWasLostWithIt() {
        try (ChaosTree tree = simulated(oneWorker())) {
            tree.inject(Fault.slowHandling("root/w", SLOW));
            tree.inject(Fault.flood("root/w", 5, Request::new));
            tree.runFor(Duration.ofMillis(50));
            tree.inject(Fault.kill("root/w"));
            tree.runFor(Duration.ofMillis(1));
            Trace trace = tree.trace();

            assertThat(trace.explain(trace.events(TraceEvent.MessageLost.class).getFirst()).text()).isEqualTo("""
                    root/w#1 exited killed (fault kill root/w)
                    → 4 messages lost in root/w#1""");
        }
    }

    @Test
    void aFaultThatEndsNoProcessIsALineOfItsOwn() {
        try (ChaosTree tree = simulated(oneWorker())) {
            tree.inject(Fault.slowerThanCallTimeout("root/w", null));
            Pid w = tree.whereis("root/w").orElseThrow();
            Optional<CallFailedException> failed = tree.node().run(ctx -> {
                try {
                    GenServer.call(ctx, w, new Request(1), Timeout.ofMillis(100));
                    return Optional.empty();
                } catch (CallFailedException timedOut) {
                    ctx.sleep(Duration.ofMillis(50)); // the caller outlives the late reply: it is dropped as late, not as noproc
                    return Optional.of(timedOut);
                }
            });
            Trace trace = tree.trace();

            assertThat(failed).isPresent();
            List<TraceEvent.MessageDropped> dropped = trace.events(TraceEvent.MessageDropped.class);
            assertThat(dropped).filteredOn(drop -> drop.reason() == DropReason.LATE_REPLY).hasSize(1);
            TraceEvent.MessageDropped late = dropped.stream().filter(drop -> drop.reason() == DropReason.LATE_REPLY)
                    .findFirst().orElseThrow();
            List<String> lines = trace.explain(late).lines();
            assertThat(lines).hasSize(2);
            assertThat(lines.getFirst()).isEqualTo("fault calls to root/w outlast their timeout (1 call) hit root/w#1 (call "
                    + "Request[n=1] from " + trace.events(TraceEvent.CallStarted.class).getFirst().caller()
                    + " handled after 110 ms (its timeout: 100 ms))");
            assertThat(lines.getLast()).isEqualTo(late.describe()).endsWith("dropped (late_reply)");
        }
    }

    // ---- events without a cause ------------------------------------------------------------------

    @Test
    void anEventWithoutACauseIsExplainedByItself() {
        try (ChaosTree tree = simulated(oneWorker())) {
            Trace trace = tree.trace();
            TraceEvent.Started root = started(trace, "root", 1);

            assertThat(root.cause()).isEmpty();
            Explanation explanation = trace.explain(root);
            assertThat(explanation.lines()).containsExactly("root#1 started");
            assertThat(explanation.text()).isEqualTo("root#1 started");
            assertThat(explanation.root()).isSameAs(root);
            assertThat(trace.chain(root)).containsExactly(root);
            assertThat(trace.cause(root)).isEmpty();
        }
    }

    @Test
    void outsideATreeProcessesAreNamedByPidAndChildrenById() {
        SupervisorSpec spec = SupervisorSpec.oneForOne()
                .withChild(ChildSpec.worker("w", ctx -> GenServer.startLink(ctx, new Idle(), StartOptions.named("w"))));
        try (Node node = Node.start(SimulatedScheduler.withSeed(3), RuntimeListener.NONE, Tracing.ON)) {
            Pid worker = node.run(ctx -> {
                ctx.spawn(holder -> {
                    Supervisor.startLink(holder, spec, StartOptions.named("sup"));
                    holder.receive();
                });
                while (ctx.whereis("w").isEmpty()) {
                    ctx.sleep(Duration.ofMillis(1));
                }
                return ctx.whereis("w").orElseThrow();
            });
            node.exit(worker, ExitReason.KILL);
            Pid supervisor = node.run(ctx -> {
                ctx.sleep(Duration.ofMillis(10));
                return ctx.whereis("sup").orElseThrow();
            });
            Trace trace = node.trace();

            TraceEvent.RestartDecided decided = trace.events(TraceEvent.RestartDecided.class).getFirst();
            assertThat(decided.child()).isEqualTo("w");
            assertThat(trace.explain(decided).text()).isEqualTo(worker + " exited killed\n→ " + supervisor + " restarted w");
            assertThat(trace.explain(decided).root()).isInstanceOf(TraceEvent.Exited.class);
        }
    }

    // ---- folding, on hand-made traces ------------------------------------------------------------

    @Test
    void countedFailuresAreFoldedByWhatFailedHowAndWhyWithTheirTimeSpan() {
        HandMade made = new HandMade();
        ProcessId.Incarnation app = HandMade.at(2, "root/app", 1);
        ProcessId.Incarnation cache1 = HandMade.at(10, "root/app/cache", 1);
        ProcessId.Incarnation cache2 = HandMade.at(11, "root/app/cache", 2);
        ProcessId.Incarnation cache3 = HandMade.at(12, "root/app/cache", 3);
        ProcessId.Incarnation db = HandMade.at(20, "root/app/db", 1);
        long second = 1_000_000_000L;
        long raise1 = made.add(id -> new TraceEvent.FaultFired(id, 0, HandMade.ROOT, 1, "raise boom on root/app/cache", cache1, ""));
        long exit1 = made.add(id -> new TraceEvent.Exited(id, 0, HandMade.by(raise1), cache1, ExitReason.custom("boom")));
        long restart1 = made.add(id -> new TraceEvent.RestartDecided(id, 0, HandMade.by(exit1), app, "root/app/cache", List.of("root/app/cache")));
        made.add(id -> new TraceEvent.Started(id, 0, HandMade.by(restart1), cache2));
        long raise2 = made.add(id -> new TraceEvent.FaultFired(id, 3 * second / 2, HandMade.ROOT, 1, "raise boom on root/app/cache", cache2, ""));
        long exit2 = made.add(id -> new TraceEvent.Exited(id, 3 * second / 2, HandMade.by(raise2), cache2, ExitReason.custom("boom")));
        long restart2 = made.add(id -> new TraceEvent.RestartDecided(id, 3 * second / 2, HandMade.by(exit2), app, "root/app/cache",
                List.of("root/app/cache")));
        made.add(id -> new TraceEvent.Started(id, 3 * second / 2, HandMade.by(restart2), cache3));
        long dbExit = made.add(id -> new TraceEvent.Exited(id, 2 * second, HandMade.ROOT, db, ExitReason.KILLED));
        long gaveUp = made.add(id -> new TraceEvent.SupervisorGaveUp(id, 2 * second, HandMade.by(dbExit), app, "root/app/db", 2,
                Duration.ofSeconds(5), 3, List.of(exit1, exit2, dbExit)));
        made.add(id -> new TraceEvent.Exited(id, 2 * second, HandMade.by(gaveUp), app, ExitReason.SHUTDOWN));
        long cacheDown = made.add(id -> new TraceEvent.Exited(id, 2 * second, HandMade.by(gaveUp), cache3, ExitReason.SHUTDOWN));
        Trace trace = made.trace();

        assertThat(trace.explain(trace.event(cacheDown).orElseThrow()).lines()).containsExactly(
                "root/app/cache exited boom 2× in 1.5 s (fault raise boom on root/app/cache)",
                "root/app/db#1 exited killed",
                "root/app#1 gave up (3 restarts > intensity 2 in 5 s)",
                "root/app/cache#3 exited shutdown");
    }

    @Test
    void each_step_of_an_explanation_holds_the_ids_of_the_events_it_folds() {
        HandMade made = new HandMade();
        ProcessId.Incarnation app = HandMade.at(2, "root/app", 1);
        ProcessId.Incarnation cache1 = HandMade.at(10, "root/app/cache", 1);
        ProcessId.Incarnation cache2 = HandMade.at(11, "root/app/cache", 2);
        ProcessId.Incarnation api = HandMade.at(12, "root/app/api", 1);
        long raise1 = made.add(id -> new TraceEvent.FaultFired(id, 0, HandMade.ROOT, 1, "raise boom on root/app/cache", cache1, ""));
        long exit1 = made.add(id -> new TraceEvent.Exited(id, 0, HandMade.by(raise1), cache1, ExitReason.custom("boom")));
        long raise2 = made.add(id -> new TraceEvent.FaultFired(id, 0, HandMade.ROOT, 1, "raise boom on root/app/cache", cache2, ""));
        long exit2 = made.add(id -> new TraceEvent.Exited(id, 0, HandMade.by(raise2), cache2, ExitReason.custom("boom")));
        long gaveUp = made.add(id -> new TraceEvent.SupervisorGaveUp(id, 0, HandMade.by(exit2), app, "root/app/cache", 1,
                Duration.ofSeconds(5), 2, List.of(exit1, exit2)));
        long apiDown = made.add(id -> new TraceEvent.Exited(id, 0, HandMade.by(gaveUp), api, ExitReason.SHUTDOWN));
        long lost1 = made.add(id -> new TraceEvent.MessageLost(id, 0, HandMade.by(apiDown), 90, api, HandMade.outside(7)));
        long lost2 = made.add(id -> new TraceEvent.MessageLost(id, 0, HandMade.by(apiDown), 91, api, HandMade.outside(7)));
        Trace trace = made.trace();

        Explanation explanation = trace.explain(trace.event(lost2).orElseThrow());

        assertThat(explanation.steps()).extracting(Explanation.Step::text).containsExactlyElementsOf(explanation.lines());
        assertThat(explanation.steps()).extracting(Explanation.Step::events).containsExactly(
                List.of(raise1, exit1, raise2, exit2), List.of(gaveUp), List.of(lost1, lost2));
        assertThat(explanation.text()).isEqualTo("""
                root/app/cache exited boom 2× at once (fault raise boom on root/app/cache)
                → root/app#1 gave up (2 restarts > intensity 1 in 5 s)
                → 2 messages lost in root/app/api#1""");
    }

    @Test
    void failuresLessThanAMillisecondApartAreSpannedInMicroseconds() {
        HandMade made = new HandMade();
        ProcessId.Incarnation sup = HandMade.at(2, "root", 1);
        long exit1 = made.add(id -> new TraceEvent.Exited(id, 1_000, HandMade.ROOT, HandMade.at(10, "root/w", 1), ExitReason.KILLED));
        long exit2 = made.add(id -> new TraceEvent.Exited(id, 251_000, HandMade.ROOT, HandMade.at(11, "root/w", 2), ExitReason.KILLED));
        long gaveUp = made.add(id -> new TraceEvent.SupervisorGaveUp(id, 251_000, HandMade.by(exit2), sup, "root/w", 1,
                Duration.ofMillis(1500), 2, List.of(exit1, exit2)));
        Trace trace = made.trace();

        assertThat(trace.explain(trace.event(gaveUp).orElseThrow()).text()).isEqualTo("""
                root/w exited killed 2× in 250 µs
                → root#1 gave up (2 restarts > intensity 1 in 1.5 s)""");
    }

    @Test
    void theChainOfAnEventWhoseCauseIsMissingStopsAtIt() {
        HandMade made = new HandMade();
        ProcessId.Incarnation w = HandMade.at(10, "root/w", 1);
        made.add(id -> new TraceEvent.Spawned(id, 0, HandMade.ROOT, w, Optional.empty()));
        long orphan = made.add(id -> new TraceEvent.Exited(id, 0, HandMade.by(99), w, ExitReason.KILLED)); // its cause is not in the trace
        Trace trace = made.trace();
        TraceEvent exit = trace.event(orphan).orElseThrow();

        assertThat(trace.chain(exit)).containsExactly(exit);
        assertThat(trace.cause(exit)).isEmpty();
        assertThat(trace.explain(exit).text()).isEqualTo("root/w#1 exited killed");
        assertThatThrownBy(() -> trace.events(null)).isInstanceOf(NullPointerException.class);
    }
}
