package dev.cascade.chaos.internal;

import dev.cascade.agent.internal.FaultHooks;
import dev.cascade.agent.internal.MethodFaults;
import dev.cascade.agent.internal.Site;
import dev.cascade.chaos.Fault;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults of one tree armed on user methods: consulted (through {@link FaultHooks}) by every woven
 * method a process of this tree's node calls. Only processes of the tree (with a path) are hit.
 */
final class MethodRules implements MethodFaults {
    /** One armed fault: until when (scheduler nanos), how many matching calls it has seen, how many it hit. */
    private record Rule(int number, Fault.InMethod fault, long until, AtomicInteger calls, AtomicInteger hits) {}

    private final Kernel kernel;
    private final Hits hits;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicBoolean hooked = new AtomicBoolean();

    MethodRules(Kernel kernel, Hits hits) {
        this.kernel = kernel;
        this.hits = hits;
    }

    @Override
    public Kernel kernel() {
        return kernel;
    }

    /** Arms fault {@code number} from now (called by the injector process). */
    void arm(int number, Fault.InMethod fault) {
        long now = kernel.scheduler().nanoTime();
        Rule rule = new Rule(number, fault, fault.window() == null ? Long.MAX_VALUE : now + fault.window().toNanos(),
                new AtomicInteger(), new AtomicInteger());
        rules.add(rule);
        if (hooked.compareAndSet(false, true)) {
            FaultHooks.arm(this);
        }
        hits.ledger().waiting(number, "armed; waits for calls of " + fault.method()
                + (fault.caller() == null ? " from the tree's processes" : " from " + fault.caller()));
        if (fault.window() != null) {
            kernel.scheduler().schedule(fault.window(), () -> {
                if (rule.hits().get() == 0) {
                    hits.skip(null, number, fault, "no call of " + fault.method() + (fault.nth() > 0 ? " number " + fault.nth() : "")
                            + " came in its window");
                }
            });
        }
    }

    @Override
    public Throwable onCall(ProcessCell caller, Site site) {
        if (caller.place().path() == null) {
            return null;
        }
        Throwable thrown = null;
        for (Rule rule : rules) {
            Fault.InMethod fault = rule.fault();
            if (!site.matches(fault.method()) || fault.caller() != null && !fault.caller().equals(caller.place().path())
                    || rule.until() != Long.MAX_VALUE && kernel.scheduler().nanoTime() > rule.until()) {
                continue;
            }
            if (fault.nth() > 0 && rule.calls().incrementAndGet() != fault.nth()) {
                continue; // only an onCall(n) fault counts calls: the others take no atomic step per call
            }
            if (fault.delay() != null) {
                rule.hits().incrementAndGet();
                hits.hit(caller, rule.number(), fault, caller, site.display() + " delayed " + fault.delay().toMillis() + " ms");
                caller.sleep(fault.delay());
            } else if (!site.mayThrow(fault.exception())) {
                hits.ledger().waiting(rule.number(), site.display() + " does not declare " + fault.exception().getSimpleName()
                        + ", a checked exception, so it cannot throw it; choose an unchecked or a declared type");
            } else if (thrown == null) {
                rule.hits().incrementAndGet();
                hits.hit(caller, rule.number(), fault, caller, site.display() + " threw " + fault.exception().getSimpleName());
                thrown = make(fault);
            }
        }
        return thrown;
    }

    private static Throwable make(Fault.InMethod fault) {
        try {
            return fault.exception().getConstructor(String.class).newInstance(fault.message());
        } catch (ReflectiveOperationException failed) {
            // The constructor was checked when the fault was made; a constructor that itself fails is reported as the fault's own failure.
            return new IllegalStateException("could not make " + fault.exception().getName() + "(\"" + fault.message() + "\"): "
                    + failed, failed);
        }
    }

    /** The run ended: these faults hit nothing from now on. */
    void finish() {
        FaultHooks.disarm(this);
        rules.clear();
    }
}
