package dev.cascade.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What must hold for a run of a supervision tree, whatever faults it met: a pure observer of a
 * finished {@link CascadeRun} that returns a {@link Verdict}. The same spec serves assertions,
 * property tests, scenario files and the CLI.
 *
 * <pre>{@code
 * CascadeSpec spec = CascadeSpec.allOf(
 *     CascadeSpec.isolation("root/gateway", "root/ledger"),    // a gateway fault never touches the ledger
 *     CascadeSpec.boundedRecovery("root", Duration.ofSeconds(5)),
 *     CascadeSpec.noLostMessages("root/ledger"));
 * Verdict verdict = spec.check(run);
 * assertThat(run).satisfies(spec::verify);                     // AssertJ: throws with the verdict's text
 * }</pre>
 */
public interface CascadeSpec {

    /** How verdicts and reports name it: {@code isolation(root/gateway, root/ledger)}. */
    String name();

    /** Observes {@code run} and concludes; never changes it. */
    Verdict check(CascadeRun run);

    /**
     * Checks {@code run} and throws an {@link AssertionError} with the verdict's text unless it passed:
     * an inconclusive verdict fails an assertion too, since it proved nothing.
     */
    default void verify(CascadeRun run) {
        Verdict verdict = check(run);
        if (!verdict.passed()) {
            throw new AssertionError(verdict.text());
        }
    }

    /**
     * No fault under {@code faulted} causes an exit or a restart under any of {@code untouched}. OTP's
     * rule: a supervisor restarts only its own children, as its strategy says (otp-semantics 3.4–3.5),
     * and an exit reaches only linked processes (1.1); so a fault can reach a sibling subtree only
     * through a shared supervisor's strategy or an escalation (3.6). Inconclusive when no fault under
     * {@code faulted} fired.
     *
     * <pre>{@code CascadeSpec.isolation("root/gateway", "root/ledger")}</pre>
     */
    static CascadeSpec isolation(String faulted, String... untouched) {
        return new Isolation(faulted, List.of(untouched));
    }

    /**
     * Every exit and restart lies in the scope the strategies imply for the faults that fired
     * (otp-semantics 3.5): one-for-one restarts the child, rest-for-one it and the later siblings,
     * one-for-all the group; a temporary child is never restarted and a transient one only after an
     * abnormal exit (3.4); a supervisor gives up only past its intensity (3.6) and then only its
     * parent reacts (3.9): escalation goes one level up.
     *
     * <pre>{@code CascadeSpec.containedByStrategy()}</pre>
     */
    static CascadeSpec containedByStrategy() {
        return new ContainedByStrategy();
    }

    /**
     * On an intensity breach {@code supervisor} terminates its children and ends {@code shutdown}
     * (otp-semantics 3.6, 3.9), and its parent reacts by its own strategy and the supervisor's restart
     * type: a permanent supervisor is restarted (or the parent gives up in turn); a transient or
     * temporary one is not ({@code shutdown} is not abnormal, 3.4). Inconclusive when the supervisor
     * never gave up.
     *
     * <pre>{@code CascadeSpec.escalates("root/app")}</pre>
     */
    static CascadeSpec escalates(String supervisor) {
        return new Escalates(supervisor);
    }

    /**
     * After the last fault fired, every permanent child under {@code path} is running again within
     * {@code within} of virtual time: supervisors restart permanent children (otp-semantics 3.4), so
     * the tree gets back to full strength unless starts are slow or a supervisor gave up. Inconclusive
     * when no fault fired or the run ended before the window closed.
     *
     * <pre>{@code CascadeSpec.boundedRecovery("root", Duration.ofSeconds(5))}</pre>
     */
    static CascadeSpec boundedRecovery(String path, Duration within) {
        return new BoundedRecovery(path, within);
    }

    /**
     * No message is lost in a mailbox whose process died under any of {@code paths} (the whole tree
     * when none is given). OTP's rule: a process's mailbox dies with it (otp-semantics 1.1), so
     * every restart can lose the messages queued at the time.
     *
     * <pre>{@code CascadeSpec.noLostMessages("root/ledger")}</pre>
     */
    static CascadeSpec noLostMessages(String... paths) {
        return new NoMessageLoss(List.of(paths), false);
    }

    /**
     * No message to a process under any of {@code paths} (the whole tree when none) is dropped: to a
     * dead process (sending to a dead pid is not an error in OTP and the message vanishes,
     * otp-semantics 1.3), by a full bounded mailbox, or by a link fault.
     *
     * <pre>{@code CascadeSpec.noDroppedMessages("root/ledger")}</pre>
     */
    static CascadeSpec noDroppedMessages(String... paths) {
        return new NoMessageLoss(List.of(paths), true);
    }

    /**
     * The root supervisor's first incarnation lives to the end of the run: no escalation reached it
     * past its intensity (otp-semantics 3.6), which in OTP would take the application down.
     *
     * <pre>{@code CascadeSpec.rootSurvives()}</pre>
     */
    static CascadeSpec rootSurvives() {
        return new RootSurvives();
    }

    /**
     * The supervisors decided to restart {@code path} at most {@code times} times (as the failed
     * child or in its strategy's group; otp-semantics 3.5), so a crash loop shows up before
     * intensity does. A temporary child is never restarted (3.4), so it always passes.
     *
     * <pre>{@code CascadeSpec.maxRestarts("root/db", 2)}</pre>
     */
    static CascadeSpec maxRestarts(String path, int times) {
        return new MaxRestarts(path, times);
    }

    /**
     * Your own spec: {@code check} observes the run and returns a verdict.
     *
     * <pre>{@code
     * CascadeSpec.of("db restarted once", run -> run.trace().events(TraceEvent.Started.class).size() > 3
     *     ? new Verdict.Pass("db restarted once") : new Verdict.Inconclusive("db restarted once", "no restart"));
     * }</pre>
     */
    static CascadeSpec of(String name, Function<CascadeRun, Verdict> check) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        return new CascadeSpec() {
            public String name() {
                return name;
            }

            public Verdict check(CascadeRun run) {
                return Objects.requireNonNull(check.apply(run), () -> "spec \"" + name + "\" returned no verdict (null)");
            }

            public String toString() {
                return name;
            }
        };
    }

    /**
     * All of {@code specs}: fails when one fails (with every failure's text), else inconclusive when
     * one is, else passes.
     *
     * <pre>{@code CascadeSpec.allOf(CascadeSpec.rootSurvives(), CascadeSpec.noLostMessages())}</pre>
     */
    static CascadeSpec allOf(CascadeSpec... specs) {
        return new AllOf(List.of(specs));
    }
}
