package dev.cascade.chaos.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.internal.Interventions;
import dev.cascade.runtime.internal.Deliveries;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.trace.DropReason;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The armed faults of a tree, consulted by the runtime's hooks: slow handlers, slow and failing
 * starts, faults on the link between two paths, and calls outlasting their timeout. A rule is armed
 * when its fault fires and acts on every incarnation of its path until its window or count is used up.
 */
public final class Injector implements Interventions {
    /** An armed fault: its ledger number, until when it acts (scheduler nanos), how many hits are left. */
    private static final class Rule<F extends Fault> {
        final int number;
        final F fault;
        final long until;
        final AtomicInteger left;
        final AtomicInteger hits = new AtomicInteger();
        final ConcurrentLinkedDeque<Object[]> held = new ConcurrentLinkedDeque<>();
        volatile ArmedRules.Armed armed = () -> { };

        Rule(int number, F fault, long until, int count) {
            this.number = number;
            this.fault = fault;
            this.until = until;
            this.left = new AtomicInteger(count <= 0 ? Integer.MAX_VALUE : count);
        }

        boolean take(long now) {
            if (now > until) {
                return false;
            }
            while (true) {
                int n = left.get();
                if (n <= 0) {
                    return false;
                }
                if (left.compareAndSet(n, n == Integer.MAX_VALUE ? n : n - 1)) {
                    hits.incrementAndGet();
                    return true;
                }
            }
        }
    }

    private final Kernel kernel;
    private final Hits hits;
    /** The armed rules by the path they act on (links: by the pair of paths). */
    private final ArmedRules<String, Rule<Fault.SlowHandling>> slow = new ArmedRules<>();
    private final ArmedRules<String, Rule<Fault>> starts = new ArmedRules<>();
    private final ArmedRules<Link, Rule<Fault.LinkFault>> links = new ArmedRules<>();
    private final ArmedRules<String, Rule<Fault.SlowerThanCallTimeout>> callees = new ArmedRules<>();

    /** The sending and receiving paths of a link fault. */
    private record Link(String from, String to) {}
    private final Map<Pid, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    /** Messages a delay fault holds until their time (identity: two equal messages are two holdings). */
    private final java.util.Set<Held> delayed = ConcurrentHashMap.newKeySet();

    /** One message held back by a delay fault, for {@code to}. */
    private static final class Held {
        final Pid to;
        final Object entry;

        Held(Pid to, Object entry) {
            this.to = to;
            this.entry = entry;
        }
    }

    Injector(Kernel kernel, Hits hits) {
        this.kernel = kernel;
        this.hits = hits;
        if (kernel.tracer() != null) {
            kernel.tracer().inFlight(this::heldCounts);
        }
        kernel.interventions(this);
    }

    private long now() {
        return kernel.scheduler().nanoTime();
    }

    private long until(Duration window) {
        return window == null ? Long.MAX_VALUE : now() + window.toNanos();
    }

    // ---- arming ---------------------------------------------------------------------------

    void armSlowHandling(int number, Fault.SlowHandling fault) {
        Rule<Fault.SlowHandling> rule = new Rule<>(number, fault, until(fault.window()), fault.messages());
        rule.armed = slow.arm(fault.target(), rule);
        hits.ledger().waiting(number, "armed; waits for " + fault.matching() + " at " + fault.target());
        endOfWindow(rule, fault.window(), "no " + fault.matching() + " reached " + fault.target() + " while it was armed");
    }

    void armStart(int number, Fault fault) {
        starts.arm(fault.target(), new Rule<>(number, fault, Long.MAX_VALUE, 0));
        hits.ledger().waiting(number, "armed; waits for the start attempts of " + fault.target());
    }

    void armLink(int number, Fault.LinkFault fault) {
        Rule<Fault.LinkFault> rule = new Rule<>(number, fault, until(fault.window()), 0);
        rule.armed = links.arm(new Link(fault.from(), fault.to()), rule);
        hits.ledger().waiting(number, "armed; waits for messages " + fault.from() + " → " + fault.to());
        kernel.scheduler().schedule(fault.window(), () -> {
            rule.armed.retire();
            releaseReversed(rule);
            if (rule.hits.get() == 0) {
                hits.skip(null, number, fault, "no message went from " + fault.from() + " to " + fault.to() + " in its window");
            }
        });
    }

    void armSlowCallee(int number, Fault.SlowerThanCallTimeout fault) {
        Rule<Fault.SlowerThanCallTimeout> rule = new Rule<>(number, fault, Long.MAX_VALUE, fault.calls());
        rule.armed = callees.arm(fault.target(), rule);
        hits.ledger().waiting(number, "armed; waits for a call to " + fault.target());
    }

    private void endOfWindow(Rule<?> rule, Duration window, String nothingHappened) {
        if (window != null) {
            kernel.scheduler().schedule(window, () -> {
                rule.armed.retire();
                if (rule.hits.get() == 0) {
                    hits.skip(null, rule.number, rule.fault, nothingHappened);
                }
            });
        }
    }

    // ---- the hooks ------------------------------------------------------------------------

    @Override
    public ExitReason beforeInit(ProcessCell cell) {
        ExitReason failure = null;
        if (starts.isEmpty() || cell.place().path() == null) {
            return null;
        }
        for (Rule<Fault> rule : starts.of(cell.place().path())) {
            int attempt = cell.place().startAttempt();
            switch (rule.fault) {
                case Fault.SlowStart start when start.attempts().contains(attempt) -> {
                    rule.hits.incrementAndGet();
                    hits.hit(cell, rule.number, start, cell, "start attempt " + attempt + " took +" + start.delay().toMillis() + " ms");
                    cell.sleep(start.delay());
                }
                case Fault.FailingStart fail when fail.attempts().contains(attempt) -> {
                    rule.hits.incrementAndGet();
                    hits.hit(cell, rule.number, fail, cell, "start attempt " + attempt + " failed: " + fail.reason().describe());
                    failure = fail.reason();
                }
                default -> { }
            }
        }
        return failure;
    }

    @Override
    public void beforeHandle(ProcessCell cell, Object message, Pid caller, Timeout callTimeout) {
        String path = cell.place().path();
        if (path == null || slow.isEmpty() && callees.isEmpty()) {
            return;
        }
        long now = now();
        for (Rule<Fault.SlowHandling> rule : slow.of(path)) {
            Fault.SlowHandling fault = rule.fault;
            if (rule.left.get() <= 0) {
                rule.armed.retire(); // used up: no later message pays for it
                continue;
            }
            if (fault.matching().matches(message) && rule.take(now)) {
                hits.hit(cell, rule.number, fault, cell, "handling " + Summary.of(message) + " took +" + fault.delay().toMillis() + " ms");
                cell.sleep(fault.delay());
            }
        }
        if (callTimeout == null || callees.isEmpty()) {
            return;
        }
        ProcessCell callerCell = kernel.cell(caller);
        String callerPath = callerCell == null ? null : callerCell.place().path();
        for (Rule<Fault.SlowerThanCallTimeout> rule : callees.of(path)) {
            Fault.SlowerThanCallTimeout fault = rule.fault;
            if (fault.caller() != null && !fault.caller().equals(callerPath)) {
                continue;
            }
            if (!(callTimeout instanceof Timeout.Finite finite)) {
                hits.ledger().waiting(rule.number, "a call with an infinite timeout came, which nothing outlasts");
                continue;
            }
            if (rule.take(now)) {
                Duration late = finite.duration().plus(margin(finite.duration()));
                hits.hit(cell, rule.number, fault, cell, "call " + Summary.of(message) + " from " + (callerPath == null ? caller : callerPath)
                        + " handled after " + late.toMillis() + " ms (its timeout: " + finite.duration().toMillis() + " ms)");
                cell.sleep(late);
            }
        }
    }

    /** How far past the caller's timeout the handler goes: a tenth of it, at least a millisecond. */
    private static Duration margin(Duration timeout) {
        Duration tenth = timeout.dividedBy(10);
        return tenth.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : tenth;
    }

    @Override
    public boolean beforeSend(ProcessCell from, Pid to, Object entry) {
        if (links.isEmpty() || from.place().path() == null) {
            return true;
        }
        ProcessCell target = kernel.cell(to);
        if (target == null || target.place().path() == null) {
            return true;
        }
        long now = now();
        for (Rule<Fault.LinkFault> rule : links.of(new Link(from.place().path(), target.place().path()))) {
            Fault.LinkFault fault = rule.fault;
            if (!rule.take(now)) {
                continue;
            }
            hits.hit(from, rule.number, fault, target, fault.effect().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + Summary.of(Deliveries.payload(entry)));
            switch (fault.effect()) {
                case DROP -> Deliveries.dropped(kernel, Deliveries.messageId(entry), target.traceId(), DropReason.FAULT);
                case DELAY -> {
                    Held held = new Held(to, entry);
                    hold(to, 1);
                    delayed.add(held);
                    kernel.scheduler().schedule(fault.delay(), () -> release(held));
                }
                case DUPLICATE -> {
                    Object copy = from.duplicate(to, entry);
                    Deliveries.deliverHeld(kernel, to, entry);
                    Deliveries.deliverHeld(kernel, to, copy);
                }
                case REORDER -> {
                    hold(to, 1);
                    rule.held.add(new Object[] {to, entry});
                }
            }
            return false;
        }
        return true;
    }

    private void releaseReversed(Rule<Fault.LinkFault> rule) {
        Object[] pair;
        while ((pair = rule.held.pollLast()) != null) {
            hold((Pid) pair[0], -1);
            Deliveries.deliverHeld(kernel, (Pid) pair[0], pair[1]);
        }
    }

    /** Delivers a delayed message once: at its time, or when the run ends, whichever comes first. */
    private void release(Held held) {
        if (delayed.remove(held)) {
            hold(held.to, -1);
            Deliveries.deliverHeld(kernel, held.to, held.entry);
        }
    }

    private void hold(Pid to, int delta) {
        inFlight.computeIfAbsent(to, pid -> new AtomicInteger()).addAndGet(delta);
    }

    private Map<Pid, Integer> heldCounts() {
        Map<Pid, Integer> counts = new HashMap<>();
        inFlight.forEach((pid, n) -> {
            if (n.get() > 0) {
                counts.put(pid, n.get());
            }
        });
        return counts;
    }

    /** The run ends: start attempts that never came are said in the ledger. */
    void finish() {
        // What faults still hold arrives now, at processes the end of the run stopped: traced as dropped (no process).
        for (Rule<Fault.LinkFault> rule : links.all()) {
            releaseReversed(rule);
        }
        delayed.forEach(this::release);
        for (Rule<Fault> rule : starts.all()) {
            if (rule.hits.get() == 0) {
                hits.ledger().waiting(rule.number, "no listed start attempt of " + rule.fault.target() + " came ("
                        + kernel.tree().attempts(rule.fault.target()) + " attempts in all)");
            }
        }
        kernel.interventions(null);
    }
}
