package dev.cascade.agent.internal;

import dev.cascade.agent.InstrumentationException;
import dev.cascade.agent.UserCode;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The open instrumentation sessions of the JVM. What is woven is always exactly the union of what the
 * open sessions ask for: opening or closing one puts every class back and weaves the new union, so a
 * closed session leaves nothing behind and two sessions never weave a method twice.
 */
public final class Sessions {
    /** One open session: what it asked for, and the errors seen while it was open. */
    public static final class Session {
        private final UserCode code;
        private final List<String> errorsSeen = new ArrayList<>();
        private boolean open = true;

        private Session(UserCode code) {
            this.code = code;
        }

        public UserCode code() {
            return code;
        }

        /** Whether it is still open (not yet closed). */
        public boolean isOpen() {
            LOCK.lock();
            try {
                return open;
            } finally {
                LOCK.unlock();
            }
        }
    }

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final List<Session> OPEN = new ArrayList<>();
    private static Weaving current;
    /** What {@link #current} weaves. */
    private static UserCode wovenCode = UserCode.nothing();
    /** The classes the open sessions were already told could not be woven: a session opening is not failed for them. */
    private static Set<String> knownFailures = Set.of();

    private Sessions() {}

    /** Opens a session weaving {@code code} as well; throws, changing nothing, if it cannot be woven. */
    public static Session open(Instrumentation instrumentation, UserCode code) {
        LOCK.lock();
        try {
            Session session = new Session(code);
            OPEN.add(session);
            try {
                reweave(instrumentation, true);
            } catch (InstrumentationException failed) {
                OPEN.remove(session);
                reweave(instrumentation, false);
                throw failed;
            }
            return session;
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Closes {@code session}: what only it asked for is put back. Returns the weaving errors seen
     * while it was open (classes loaded meanwhile that could not be woven); empty if none.
     */
    public static List<String> close(Instrumentation instrumentation, Session session) {
        LOCK.lock();
        try {
            if (!session.open) {
                return List.of();
            }
            collectErrors();
            session.open = false;
            OPEN.remove(session);
            reweave(instrumentation, false);
            return List.copyOf(session.errorsSeen);
        } finally {
            LOCK.unlock();
        }
    }

    /** The classes woven now (binary names). */
    public static List<String> woven() {
        LOCK.lock();
        try {
            return current == null ? List.of() : List.copyOf(current.woven());
        } finally {
            LOCK.unlock();
        }
    }

    /** How many sessions are open. */
    public static int open() {
        LOCK.lock();
        try {
            return OPEN.size();
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Weaves the union of the open sessions, unless that is what is woven already. If {@code strict} (a
     * session opening) a class that newly fails throws; otherwise (putting back what a closed or refused
     * session asked for) failures never undo what the open sessions asked for: they are reported when those close.
     */
    private static void reweave(Instrumentation instrumentation, boolean strict) {
        UserCode union = UserCode.nothing();
        for (Session session : OPEN) {
            union = union.with(session.code);
        }
        if (sameWeaving(union, wovenCode)) {
            return; // nothing to change: retransforming would only throw away the JIT's work on those classes
        }
        if (current != null) {
            collectErrors();
            knownFailures = current.failed();
            current.reset();
            current = null;
            wovenCode = UserCode.nothing();
        }
        if (union.isEmpty()) {
            knownFailures = Set.of();
        } else {
            current = Weaving.install(instrumentation, union, knownFailures, strict);
            wovenCode = union;
        }
    }

    private static boolean sameWeaving(UserCode a, UserCode b) {
        return Set.copyOf(a.methods()).equals(Set.copyOf(b.methods())) && a.virtualTimePackages().equals(b.virtualTimePackages());
    }

    /** Hands the errors of the current weaving to every open session. */
    private static void collectErrors() {
        if (current == null) {
            return;
        }
        List<String> errors = current.errors();
        for (Session session : OPEN) {
            for (String error : errors) {
                if (!session.errorsSeen.contains(error)) {
                    session.errorsSeen.add(error);
                }
            }
        }
    }
}
