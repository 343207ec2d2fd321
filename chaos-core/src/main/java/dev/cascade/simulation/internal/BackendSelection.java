package dev.cascade.simulation.internal;

import dev.cascade.simulation.Backend;

import java.util.concurrent.atomic.AtomicBoolean;

/** Picks the backend: the executor where the JDK lets us, baton passing elsewhere, with one message saying how to get the faster one. */
public final class BackendSelection {
    private static final AtomicBoolean TOLD = new AtomicBoolean();
    private static final System.Logger LOG = System.getLogger("dev.cascade.simulation");

    private BackendSelection() {}

    /** The backend to use; {@code wanted} null means the best available. */
    public static Backend resolve(Backend wanted) {
        String unavailable = VirtualThreadHooks.unavailable();
        if (wanted == Backend.EXECUTOR && unavailable != null) {
            throw new IllegalStateException(missingFlag() + " (" + unavailable + ")");
        }
        if (wanted != null) {
            return wanted;
        }
        if (unavailable == null) {
            return Backend.EXECUTOR;
        }
        if (TOLD.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, missingFlag() + "; running simulations on the slower baton-passing backend");
        }
        return Backend.BATON;
    }

    /** Whether the executor backend can run in this JVM. */
    public static boolean executorAvailable() {
        return VirtualThreadHooks.unavailable() == null;
    }

    /** The message that says exactly which flag to add, and where. */
    public static String missingFlag() {
        return "Cascade's executor backend for simulations needs " + VirtualThreadHooks.FLAG
                + ". Add it to the JVM: in Maven Surefire, <argLine>@{argLine} " + VirtualThreadHooks.FLAG
                + "</argLine>; in Gradle, test { jvmArgs '" + VirtualThreadHooks.FLAG + "' }; on the command line, java "
                + VirtualThreadHooks.FLAG + " ...";
    }
}
