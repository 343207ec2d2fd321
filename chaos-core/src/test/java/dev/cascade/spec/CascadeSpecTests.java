package dev.cascade.spec;

import dev.cascade.chaos.Fault;
import dev.cascade.runtime.ExitReason;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each built-in spec concludes from hand-made traces: pass, fail (events, explanation, seed), inconclusive. */
class CascadeSpecTests {
    private static final ExitReason BOOM = ExitReason.custom("boom");

    /** root (one-for-one): gateway, ledger. */
    private static SupervisorSpec flat() {
        return SupervisorSpec.oneForOne().withIntensity(1, Duration.ofSeconds(5))
                .withChild(Server.worker("gateway")).withChild(Server.worker("ledger"));
    }

    @Nested
    class Isolation {
        private final CascadeSpec spec = CascadeSpec.isolation("root/gateway", "root/ledger");

        @Test
        void passes_when_a_fault_under_the_gateway_restarts_only_the_gateway_one_for_one_rule() {
            Runs runs = new Runs(flat()).allStarted();
            long fault = runs.fault(100, Fault.kill("root/gateway"), "root/gateway");
            long exit = runs.exited(100, fault, "root/gateway", ExitReason.KILLED);
            long restart = runs.restart(100, exit, "root", "root/gateway", "root/gateway");
            runs.started(100, restart, "root/gateway");

            assertThat(spec.check(runs.endAt(1000).run())).isEqualTo(new Verdict.Pass("isolation(root/gateway, root/ledger)"));
        }

        @Test
        void fails_with_the_violating_events_the_cascade_and_the_seed_when_the_ledger_restarts_for_a_gateway_fault() {
            Runs runs = new Runs(flat()).allStarted();
            long fault = runs.fault(100, Fault.kill("root/gateway"), "root/gateway");
            long exit = runs.exited(100, fault, "root/gateway", ExitReason.KILLED);
            long restart = runs.restart(100, exit, "root", "root/gateway", "root/gateway", "root/ledger");
            long ledgerExit = runs.exited(100, restart, "root/ledger", ExitReason.SHUTDOWN);
            runs.started(100, restart, "root/gateway");
            runs.started(100, restart, "root/ledger");

            Verdict verdict = spec.check(runs.endAt(1000).run());

            assertThat(verdict).isInstanceOf(Verdict.Fail.class);
            Verdict.Fail fail = (Verdict.Fail) verdict;
            assertThat(fail.events()).containsExactly(restart, ledgerExit);
            assertThat(fail.what()).isEqualTo("a fault under root/gateway caused 2 exit(s) or restart(s) under root/ledger");
            assertThat(fail.explanation()).startsWith("root/gateway#1 exited killed (fault kill root/gateway)");
            assertThat(fail.text()).endsWith("seed=7");
        }

        @Test
        void is_inconclusive_when_no_fault_under_the_gateway_fired() {
            Runs runs = new Runs(flat()).allStarted();
            runs.skipped(100, Fault.kill("root/gateway"));

            assertThat(spec.check(runs.endAt(1000).run())).isEqualTo(new Verdict.Inconclusive(spec.name(),
                    "no fault under root/gateway fired (1 planned there, none hit a process), so nothing could break isolation"));
        }

        @Test
        void is_inconclusive_when_the_run_ended_while_a_permanent_child_awaited_its_restart() {
            Runs runs = new Runs(flat()).allStarted();
            long fault = runs.fault(100, Fault.kill("root/gateway"), "root/gateway");
            runs.exited(100, fault, "root/gateway", ExitReason.KILLED);

            assertThat(spec.check(runs.endAt(100).run())).isInstanceOf(Verdict.Inconclusive.class)
                    .extracting(Verdict::text).asString().contains("root/gateway still down while its supervisor lived");
        }

        @Test
        void names_the_paths_of_the_tree_when_a_path_is_not_in_it() {
            Runs runs = new Runs(flat()).allStarted();
            assertThatThrownBy(() -> CascadeSpec.isolation("root/gateway", "root/ledgr").check(runs.run()))
                    .hasMessage("isolation(root/gateway, root/ledgr): \"root/ledgr\" is not a path of the tree"
                            + " (paths: root, root/gateway, root/ledger)");
        }
    }

    @Nested
    class ContainedByStrategy {
        @Test
        void passes_a_one_for_one_restart_of_the_failed_child_alone() {
            Runs runs = new Runs(flat()).allStarted();
            long fault = runs.fault(10, Fault.kill("root/gateway"), "root/gateway");
            long exit = runs.exited(10, fault, "root/gateway", ExitReason.KILLED);
            runs.started(10, runs.restart(10, exit, "root", "root/gateway", "root/gateway"), "root/gateway");

            assertThat(CascadeSpec.containedByStrategy().check(runs.endAt(50).run()).passed()).isTrue();
        }

        @Test
        void fails_a_one_for_one_supervisor_that_restarts_a_sibling_too() {
            Runs runs = new Runs(flat()).allStarted();
            long fault = runs.fault(10, Fault.kill("root/gateway"), "root/gateway");
            long exit = runs.exited(10, fault, "root/gateway", ExitReason.KILLED);
            long restart = runs.restart(10, exit, "root", "root/gateway", "root/gateway", "root/ledger");

            Verdict verdict = CascadeSpec.containedByStrategy().check(runs.endAt(50).run());

            assertThat(verdict).isInstanceOfSatisfying(Verdict.Fail.class, fail -> {
                assertThat(fail.what()).isEqualTo("root (ONE_FOR_ONE) restarted [root/gateway, root/ledger] for root/gateway"
                        + " but its strategy's scope is [root/gateway]");
                assertThat(fail.events()).containsExactly(restart);
            });
        }

        @Test
        void fails_a_restart_of_a_temporary_child_temporary_children_are_never_restarted() {
            SupervisorSpec tree = SupervisorSpec.oneForOne().withChild(Server.worker("job").withRestart(Restart.TEMPORARY));
            Runs runs = new Runs(tree).allStarted();
            long exit = runs.exited(10, runs.fault(10, Fault.kill("root/job"), "root/job"), "root/job", ExitReason.KILLED);
            runs.restart(10, exit, "root", "root/job", "root/job");

            assertThat(CascadeSpec.containedByStrategy().check(runs.endAt(50).run()))
                    .extracting(Verdict::text).asString().contains("restarted the temporary child root/job");
        }

        @Test
        void fails_a_supervisor_that_gives_up_within_its_intensity() {
            Runs runs = new Runs(flat()).allStarted();
            long exit = runs.exited(10, runs.fault(10, Fault.kill("root/gateway"), "root/gateway"), "root/gateway", ExitReason.KILLED);
            runs.gaveUp(10, exit, "root", "root/gateway", 1, 1);

            assertThat(CascadeSpec.containedByStrategy().check(runs.endAt(50).run()))
                    .extracting(Verdict::text).asString().contains("root gave up after 1 restarts, not past its intensity 1");
        }
    }

    @Nested
    class Escalates {
        private SupervisorSpec nested(Restart appRestart) {
            return SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                    .withChild(ChildSpec.supervisor("app", SupervisorSpec.oneForOne().withChild(Server.worker("cache")))
                            .withRestart(appRestart));
        }

        private Runs breach(SupervisorSpec tree) {
            Runs runs = new Runs(tree).allStarted();
            long first = runs.exited(10, runs.fault(10, Fault.kill("root/app/cache"), "root/app/cache"), "root/app/cache", BOOM);
            runs.started(10, runs.restart(10, first, "root/app", "root/app/cache", "root/app/cache"), "root/app/cache");
            long second = runs.exited(20, runs.fault(20, Fault.kill("root/app/cache"), "root/app/cache"), "root/app/cache", BOOM);
            long gaveUp = runs.gaveUp(20, second, "root/app", "root/app/cache", 1, 2);
            runs.exited(20, gaveUp, "root/app", ExitReason.SHUTDOWN);
            return runs;
        }

        @Test
        void passes_when_the_parent_restarts_the_permanent_supervisor_that_gave_up() {
            Runs runs = breach(nested(Restart.PERMANENT));
            long restart = runs.restart(20, 0, "root", "root/app", "root/app");
            runs.started(20, restart, "root/app/cache");
            runs.started(20, restart, "root/app");

            assertThat(CascadeSpec.escalates("root/app").check(runs.endAt(100).run()).passed()).isTrue();
        }

        @Test
        void fails_when_the_parent_restarts_more_than_its_one_for_one_strategy_allows() {
            SupervisorSpec tree = nested(Restart.PERMANENT).withChild(Server.worker("db"));
            Runs runs = breach(tree);
            long restart = runs.restart(20, 0, "root", "root/app", "root/app", "root/db");

            Verdict verdict = CascadeSpec.escalates("root/app").check(runs.endAt(100).run());

            assertThat(verdict).isInstanceOfSatisfying(Verdict.Fail.class, fail -> {
                assertThat(fail.what()).isEqualTo("root (ONE_FOR_ONE) restarted [root/app, root/db] for root/app but its strategy's"
                        + " scope is [root/app]");
                assertThat(fail.events()).contains(restart);
            });
        }

        @Test
        void is_inconclusive_when_the_parent_has_not_reacted_yet_as_the_run_ends() {
            Verdict verdict = CascadeSpec.escalates("root/app").check(breach(nested(Restart.PERMANENT)).endAt(100).run());
            // root/app is down with root alive: the tree is not quiet, so this cannot be told apart from a slow parent
            assertThat(verdict).isInstanceOf(Verdict.Inconclusive.class);
        }

        @Test
        void fails_when_the_parent_restarts_a_transient_supervisor_that_ended_shutdown() {
            Runs runs = breach(nested(Restart.TRANSIENT));
            long restart = runs.restart(20, 0, "root", "root/app", "root/app");

            Verdict verdict = CascadeSpec.escalates("root/app").check(runs.endAt(100).run());

            assertThat(verdict).isInstanceOfSatisfying(Verdict.Fail.class, fail -> {
                assertThat(fail.what()).isEqualTo("root restarted the transient root/app after it ended shutdown");
                assertThat(fail.events()).contains(restart);
            });
        }

        @Test
        void is_inconclusive_when_the_supervisor_never_gave_up() {
            Runs runs = new Runs(nested(Restart.PERMANENT)).allStarted();
            assertThat(CascadeSpec.escalates("root/app").check(runs.endAt(100).run()).text())
                    .isEqualTo("INCONCLUSIVE escalates(root/app): root/app never gave up (intensity 1 in 5000 ms was never"
                            + " exceeded), so its escalation was not exercised");
        }
    }

    @Nested
    class BoundedRecovery {
        private final CascadeSpec spec = CascadeSpec.boundedRecovery("root", Duration.ofSeconds(1));

        @Test
        void passes_when_the_crashed_child_is_back_within_the_window() {
            Runs runs = new Runs(flat()).allStarted();
            long exit = runs.exited(100, runs.fault(100, Fault.kill("root/ledger"), "root/ledger"), "root/ledger", ExitReason.KILLED);
            runs.started(1100, exit, "root/ledger");

            assertThat(spec.check(runs.endAt(3000).run()).passed()).isTrue();
        }

        @Test
        void fails_when_a_permanent_child_is_back_only_after_the_window() {
            Runs runs = new Runs(flat()).allStarted();
            long exit = runs.exited(100, runs.fault(100, Fault.kill("root/ledger"), "root/ledger"), "root/ledger", ExitReason.KILLED);
            runs.started(1101, exit, "root/ledger");

            Verdict verdict = spec.check(runs.endAt(3000).run());

            assertThat(verdict).isInstanceOfSatisfying(Verdict.Fail.class, fail -> {
                assertThat(fail.what()).isEqualTo("after the last fault at 100 ms, root/ledger not running again within 1000 ms");
                assertThat(fail.events()).containsExactly(exit);
            });
        }

        @Test
        void is_inconclusive_when_the_run_ended_before_the_window_closed() {
            Runs runs = new Runs(flat()).allStarted();
            runs.exited(100, runs.fault(100, Fault.kill("root/ledger"), "root/ledger"), "root/ledger", ExitReason.KILLED);

            assertThat(spec.check(runs.endAt(600).run()).text()).isEqualTo("INCONCLUSIVE boundedRecovery(root, 1000 ms): the run"
                    + " ended 500 ms after the last fault at 100 ms, before the 1000 ms window closed, with root/ledger still down; run longer");
        }

        @Test
        void does_not_wait_for_a_temporary_child_which_is_never_restarted() {
            SupervisorSpec tree = flat().withChild(Server.worker("job").withRestart(Restart.TEMPORARY));
            Runs runs = new Runs(tree).allStarted();
            runs.exited(100, runs.fault(100, Fault.kill("root/job"), "root/job"), "root/job", ExitReason.KILLED);

            assertThat(spec.check(runs.endAt(3000).run()).passed()).isTrue();
        }
    }

    @Nested
    class Messages {
        @Test
        void no_lost_messages_fails_on_a_message_lost_in_a_dead_mailbox_and_passes_elsewhere() {
            Runs runs = new Runs(flat()).allStarted();
            long exit = runs.exited(100, runs.fault(100, Fault.kill("root/ledger"), "root/ledger"), "root/ledger", ExitReason.KILLED);
            long lost = runs.lost(100, exit, "root/ledger");
            runs.started(100, exit, "root/ledger");
            CascadeRun run = runs.endAt(200).run();

            assertThat(CascadeSpec.noLostMessages("root/ledger").check(run))
                    .isInstanceOfSatisfying(Verdict.Fail.class, fail -> assertThat(fail.events()).containsExactly(lost));
            assertThat(CascadeSpec.noLostMessages("root/gateway").check(run).passed()).isTrue();
            assertThat(CascadeSpec.noDroppedMessages().check(run).passed()).isTrue();
        }
    }

    @Nested
    class RootAndRestarts {
        @Test
        void root_survives_fails_on_the_roots_exit() {
            Runs runs = new Runs(flat()).allStarted();
            long exit = runs.exited(100, runs.fault(100, Fault.kill("root"), "root"), "root", ExitReason.KILLED);

            assertThat(CascadeSpec.rootSurvives().check(runs.endAt(200).run()).text())
                    .startsWith("FAIL rootSurvives(): the root root ended killed\n  events [#" + exit + "]");
        }

        @Test
        void max_restarts_counts_restart_decisions_that_include_the_path() {
            Runs runs = new Runs(flat()).allStarted();
            for (int i = 1; i <= 3; i++) {
                long exit = runs.exited(i * 10, runs.fault(i * 10, Fault.kill("root/ledger"), "root/ledger"), "root/ledger", ExitReason.KILLED);
                runs.started(i * 10, runs.restart(i * 10, exit, "root", "root/ledger", "root/ledger"), "root/ledger");
            }
            CascadeRun run = runs.endAt(100).run();

            assertThat(CascadeSpec.maxRestarts("root/ledger", 3).check(run).passed()).isTrue();
            assertThat(CascadeSpec.maxRestarts("root/ledger", 2).check(run).text())
                    .startsWith("FAIL maxRestarts(root/ledger, 2): root/ledger was restarted 3 times, more than 2");
        }
    }

    @Nested
    class Combining {
        @Test
        void all_of_fails_if_one_fails_and_is_inconclusive_if_one_is_and_no_one_fails() {
            Runs runs = new Runs(flat()).allStarted();
            runs.exited(100, runs.fault(100, Fault.kill("root"), "root"), "root", ExitReason.KILLED);
            CascadeRun run = runs.endAt(200).run();

            CascadeSpec open = CascadeSpec.escalates("root");
            assertThat(CascadeSpec.allOf(open, CascadeSpec.rootSurvives()).check(run)).isInstanceOf(Verdict.Fail.class);
            assertThat(CascadeSpec.allOf(open, CascadeSpec.noLostMessages()).check(run)).isInstanceOf(Verdict.Inconclusive.class);
            assertThat(CascadeSpec.allOf(CascadeSpec.noLostMessages()).check(run).passed()).isTrue();
        }

        @Test
        void a_users_own_spec_gives_its_verdict_and_verify_throws_unless_it_passed() {
            CascadeRun run = new Runs(flat()).allStarted().endAt(10).run();
            CascadeSpec mine = CascadeSpec.of("three paths started", r -> r.trace().events().size() == 3
                    ? new Verdict.Pass("three paths started") : new Verdict.Inconclusive("three paths started", "not 3"));

            assertThat(mine.check(run).passed()).isTrue();
            mine.verify(run);
            assertThatThrownBy(() -> CascadeSpec.escalates("root").verify(run)).isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("INCONCLUSIVE escalates(root): root never gave up");
        }
    }
}
