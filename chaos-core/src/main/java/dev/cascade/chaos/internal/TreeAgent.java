package dev.cascade.chaos.internal;

import dev.cascade.agent.CascadeAgent;
import dev.cascade.agent.Instrumented;
import dev.cascade.agent.MethodMatch;
import dev.cascade.agent.UserCode;
import dev.cascade.chaos.Fault;

import java.util.ArrayList;
import java.util.List;

/**
 * The user code a chaos tree has woven: what its builder asked for, widened by every method a fault
 * of it targets. Closed with the tree, which puts those classes back as they were.
 */
public final class TreeAgent implements AutoCloseable {
    private UserCode code;
    private Instrumented session;

    /** Weaves {@code code} now, if it names anything. */
    public TreeAgent(UserCode code) {
        this.code = code;
        this.session = code.isEmpty() ? null : CascadeAgent.instrument(code);
    }

    /** Makes sure every method {@code faults} target is woven (installing the agent on first need). */
    public void cover(List<Fault> faults) {
        List<MethodMatch> missing = new ArrayList<>();
        for (Fault planned : faults) {
            Fault fault = planned instanceof Fault.OptionalFault optional ? optional.fault() : planned;
            if (fault instanceof Fault.InMethod method && !code.methods().contains(method.method())
                    && !missing.contains(method.method())) {
                missing.add(method.method());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        UserCode wider = code.andMethods(missing.toArray(MethodMatch[]::new));
        Instrumented next = CascadeAgent.instrument(wider);
        Instrumented previous = session;
        session = next;
        code = wider;
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public void close() {
        if (session != null) {
            Instrumented closing = session;
            session = null;
            closing.close();
        }
    }
}
