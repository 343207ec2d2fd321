package dev.cascade.catalog;

import dev.cascade.runtime.Pid;
import dev.cascade.spec.CascadeRun;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.TraceEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages a dependent sent to a stale partner: to the pid of an incarnation of the partner's path
 * after a newer incarnation had started. A process that looks its partner up by name finds the new
 * one; one that kept the pid it got at its own start goes on sending to the dead one, and Erlang
 * drops each such message without a word.
 */
final class StaleSends {
    private StaleSends() {}

    /**
     * One message to a stale partner.
     *
     * @param sent    the send, as the trace has it (a dead pid is named by its pid)
     * @param partner the partner incarnation it went to: {@code root/db#1}
     */
    record Stale(TraceEvent.Sent sent, String partner) {}

    /** Every message from a process at {@code dependent} to an old incarnation of {@code partner}, in order. */
    static List<Stale> of(CascadeRun run, String dependent, String partner) {
        List<Stale> stale = new ArrayList<>();
        Map<Pid, Integer> incarnations = new HashMap<>();
        int newest = 0;
        for (TraceEvent event : run.trace().events()) {
            if (event instanceof TraceEvent.Started started && started.process().isAt(partner)) {
                int incarnation = started.process().incarnation().orElse(0);
                incarnations.put(started.process().pid(), incarnation);
                newest = Math.max(newest, incarnation);
            } else if (event instanceof TraceEvent.Sent sent && sent.from().isAt(dependent) && sent.to() instanceof ProcessId to
                    && incarnations.getOrDefault(to.pid(), newest) < newest) {
                stale.add(new Stale(sent, partner + "#" + incarnations.get(to.pid())));
            }
        }
        return stale;
    }

    /** How many partner incarnations started in {@code run}. */
    static long incarnations(CascadeRun run, String partner) {
        return run.trace().events(TraceEvent.Started.class).stream().filter(started -> started.process().isAt(partner)).count();
    }

    /** {@code n ms} after the run's start. */
    static long ms(CascadeRun run, TraceEvent event) {
        return (event.atNanos() - run.zeroNanos()) / 1_000_000;
    }
}
