package dev.cascade.agent.internal;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Tracing;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The hooks woven advice calls, called directly with no agent: what they record on a traced node,
 * what they do with faults armed, and that they do nothing off a process or on a quiet node.
 */
@ExtendWith(TestScheduler.Verify.class)
class UserCallsTests {
    private static final Site SITE = Sites.register("example.generated.Probe#fetch(Ljava/lang/String;I)V",
            new Site(-1, "fetch", "Probe.fetch", Set.of("example.generated.Probe", "java.lang.Object"), Set.of(),
                    List.of("java.io.IOException")));
    private static final Object[] ARGUMENTS = {"apple", 3};

    /** A node's method faults that answer every call with {@code answer}, remembering who called what. */
    private record FakeFaults(Kernel kernel, BiFunction<ProcessCell, Site, Throwable> answer, List<String> seen)
            implements MethodFaults {
        FakeFaults(Kernel kernel, BiFunction<ProcessCell, Site, Throwable> answer) {
            this(kernel, answer, new CopyOnWriteArrayList<>());
        }

        @Override
        public Throwable onCall(ProcessCell caller, Site site) {
            seen.add(caller.traceId() + " " + site.display());
            return answer.apply(caller, site);
        }
    }

    /** What {@link CallAdvice}'s entry does: asks for the caller, and only then enters with the arguments. */
    private static Object enter(int site, Object[] arguments) {
        ProcessCell caller = UserCalls.caller();
        return caller == null ? null : UserCalls.enter(caller, site, arguments);
    }

    private static Node traced() {
        return Node.start(TestScheduler.create(), RuntimeListener.NONE, Tracing.ON);
    }

    private static Node untraced() {
        return Node.start(TestScheduler.create(), RuntimeListener.NONE);
    }

    private static Kernel kernelOf(Node node) {
        return node.run(ctx -> ProcessCell.of(ctx).kernel());
    }

    private static List<TraceEvent.UserCall> calls(Node node) {
        return node.trace().events(TraceEvent.UserCall.class);
    }

    @BeforeEach
    void noFaultsAreArmed() {
        assertThat(FaultHooks.any()).as("a method fault left armed by an earlier test").isFalse();
    }

    @Test
    void theRegisteredSiteIsFoundByItsNumberAndRegisteringItAgainKeepsTheNumber() {
        assertThat(Sites.get(SITE.id())).isSameAs(SITE);
        assertThat(Sites.register("example.generated.Probe#fetch(Ljava/lang/String;I)V",
                new Site(-1, "other", "Other.other", Set.of(), Set.of(), List.of()))).isSameAs(SITE);
    }

    @Test
    void offAProcessEnterDoesNothingEvenWithAFaultArmedForTheNode() {
        try (Node node = traced()) {
            FakeFaults faults = new FakeFaults(kernelOf(node), (caller, site) -> new IllegalStateException("must not fire"));
            FaultHooks.arm(faults);
            try {
                assertThat(enter(SITE.id(), ARGUMENTS)).isNull();
            } finally {
                FaultHooks.disarm(faults);
            }
            assertThat(faults.seen()).isEmpty();
            assertThat(calls(node)).isEmpty();
        }
    }

    @Test
    void onAProcessOfAnUntracedNodeWithNoFaultsEnterReturnsNoToken() {
        try (Node node = untraced()) {
            Object token = node.run(ctx -> enter(SITE.id(), ARGUMENTS));
            assertThat(token).isNull();
        }
    }

    @Test
    void aCallOnATracedNodeIsAnEventOfTheCallingProcessWithArgumentsDurationAndTheMessageBeingHandled() {
        try (Node node = traced()) {
            Object[] inside = node.run(ctx -> {
                ctx.send(ctx.self(), "hello");
                ctx.receive();
                Object token = enter(SITE.id(), ARGUMENTS);
                ctx.sleep(Duration.ofMillis(30));
                UserCalls.exit(token, null);
                return new Object[] {token, ProcessCell.of(ctx).traceId(), ProcessCell.of(ctx).cause()};
            });
            assertThat(inside[0]).as("a token to record the call with").isNotNull();
            Trace trace = node.trace();
            TraceEvent.UserCall call = trace.events(TraceEvent.UserCall.class).getFirst();
            assertThat(trace.events(TraceEvent.UserCall.class)).hasSize(1);
            assertThat(call.process()).isEqualTo((ProcessId) inside[1]);
            assertThat(call.method()).isEqualTo("Probe.fetch");
            assertThat(call.arguments()).isEqualTo("\"apple\", 3");
            assertThat(call.thrown()).isEmpty();
            assertThat(call.cause()).hasValue((long) inside[2]);
            assertThat(trace.event(call.cause().getAsLong())).get().isInstanceOfSatisfying(TraceEvent.Sent.class,
                    sent -> assertThat(sent.to()).isEqualTo(call.process()));
            assertThat(call.took()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
            if (TestScheduler.simulated()) {
                assertThat(call.took()).isEqualTo(Duration.ofMillis(30));
            }
            assertThat(trace.describe(call)).startsWith(call.process() + " spent ").endsWith(" in Probe.fetch handling String");
        }
    }

    @Test
    void aCallThatThrewRecordsTheExceptionsSimpleNameAndMessage() {
        try (Node node = traced()) {
            node.run(ctx -> {
                UserCalls.exit(enter(SITE.id(), ARGUMENTS), new IOException("disk full"));
                UserCalls.exit(enter(SITE.id(), new Object[] {"pear", 1}), new IllegalStateException());
                return null;
            });
            List<TraceEvent.UserCall> calls = calls(node);
            assertThat(calls).extracting(TraceEvent.UserCall::thrown)
                    .containsExactly(Optional.of("IOException: disk full"), Optional.of("IllegalStateException"));
            assertThat(calls).extracting(TraceEvent.UserCall::arguments).containsExactly("\"apple\", 3", "\"pear\", 1");
            assertThat(node.trace().describe(calls.getFirst())).endsWith(" in Probe.fetch, which threw IOException: disk full");
        }
    }

    @Test
    void aCallWhoseProcessDiedInItIsRecordedAsSuch() {
        try (Node node = traced()) {
            node.run(ctx -> {
                Pid parent = ctx.self();
                Pid child = ctx.spawn(me -> {
                    Object token = enter(SITE.id(), ARGUMENTS);
                    me.send(parent, "entered");
                    try {
                        me.receive();
                    } catch (Throwable dying) {
                        UserCalls.exit(token, dying);
                        throw dying;
                    }
                });
                assertThat(ctx.receive()).isEqualTo("entered");
                ctx.exit(child, ExitReason.KILLED);
                TestScheduler.eventually(ctx, "the killed process's call in the trace", () -> !calls(node).isEmpty());
                return null;
            });
            assertThat(calls(node)).singleElement().extracting(TraceEvent.UserCall::thrown).isEqualTo(Optional.of("nothing: its process died in it"));
        }
    }

    @Test
    void aFaultsExceptionIsThrownByEnterEvenACheckedOneAndTheCallIsRecordedWithIt() {
        try (Node node = traced()) {
            IOException injected = new IOException("injected");
            FakeFaults faults = new FakeFaults(kernelOf(node), (caller, site) -> injected);
            FaultHooks.arm(faults);
            Object[] inside;
            try {
                inside = node.run(ctx -> new Object[] {catchThrowable(() -> enter(SITE.id(), ARGUMENTS)),
                        ProcessCell.of(ctx).traceId()});
            } finally {
                FaultHooks.disarm(faults);
            }
            assertThat(inside[0]).isSameAs(injected);
            assertThat(faults.seen()).containsExactly(inside[1] + " Probe.fetch");
            TraceEvent.UserCall call = calls(node).getFirst();
            assertThat(calls(node)).hasSize(1);
            assertThat(call.process()).isEqualTo((ProcessId) inside[1]);
            assertThat(call.thrown()).contains("IOException: injected");
            assertThat(call.arguments()).isEqualTo("\"apple\", 3");
            if (TestScheduler.simulated()) {
                assertThat(call.took()).isEqualTo(Duration.ZERO);
            }
        }
    }

    @Test
    void aFaultsDelayIsPartOfTheRecordedCallAndTheMethodThenRuns() {
        try (Node node = traced()) {
            FakeFaults faults = new FakeFaults(kernelOf(node), (caller, site) -> {
                caller.sleep(Duration.ofMillis(50));
                return null;
            });
            FaultHooks.arm(faults);
            Object token;
            try {
                token = node.run(ctx -> {
                    Object entered = enter(SITE.id(), ARGUMENTS);
                    UserCalls.exit(entered, null);
                    return entered;
                });
            } finally {
                FaultHooks.disarm(faults);
            }
            assertThat(token).isNotNull();
            assertThat(faults.seen()).hasSize(1);
            TraceEvent.UserCall call = calls(node).getFirst();
            assertThat(call.thrown()).isEmpty();
            assertThat(call.took()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
            if (TestScheduler.simulated()) {
                assertThat(call.took()).isEqualTo(Duration.ofMillis(50));
            }
        }
    }

    @Test
    void onAnUntracedNodeAFaultStillAppliesButNothingIsRecorded() {
        try (Node node = untraced()) {
            FakeFaults quiet = new FakeFaults(kernelOf(node), (caller, site) -> null);
            FakeFaults throwing = new FakeFaults(kernelOf(node), (caller, site) -> new IllegalStateException("boom"));
            FaultHooks.arm(quiet);
            try {
                Object token = node.run(ctx -> enter(SITE.id(), ARGUMENTS));
                assertThat(token).as("no token: nothing to record").isNull();
                FaultHooks.arm(throwing);
                Throwable thrown = node.run(ctx -> catchThrowable(() -> enter(SITE.id(), ARGUMENTS)));
                assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            } finally {
                FaultHooks.disarm(quiet);
                FaultHooks.disarm(throwing);
            }
            assertThat(quiet.seen()).hasSize(2);
            assertThat(throwing.seen()).hasSize(1);
        }
    }

    @Test
    void aFaultArmedForAnotherNodeNeverAppliesToThisNodesProcesses() {
        try (Node armedNode = traced(); Node other = traced()) {
            FakeFaults faults = new FakeFaults(kernelOf(armedNode), (caller, site) -> new IllegalStateException("armed node only"));
            FaultHooks.arm(faults);
            Throwable onOther;
            Throwable onArmed;
            try {
                onOther = other.run(ctx -> catchThrowable(() -> UserCalls.exit(enter(SITE.id(), ARGUMENTS), null)));
                assertThat(faults.seen()).isEmpty();
                onArmed = armedNode.run(ctx -> catchThrowable(() -> enter(SITE.id(), ARGUMENTS)));
            } finally {
                FaultHooks.disarm(faults);
            }
            assertThat(onOther).isNull();
            assertThat(calls(other)).singleElement().extracting(TraceEvent.UserCall::thrown).isEqualTo(Optional.empty());
            assertThat(onArmed).as("the fault works on its own node").hasMessage("armed node only");
            assertThat(calls(armedNode)).singleElement().extracting(TraceEvent.UserCall::thrown)
                    .isEqualTo(Optional.of("IllegalStateException: armed node only"));
        }
    }
}
