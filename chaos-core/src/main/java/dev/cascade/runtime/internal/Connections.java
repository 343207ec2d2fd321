package dev.cascade.runtime.internal;

import dev.cascade.runtime.Crash;
import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.trace.DropReason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * One process's links, the monitors on it and the monitors it holds, whether it traps exits, and
 * the exit signals and DOWNs that reach it through them (otp-semantics 1.1-1.2). Every table, and
 * the trap flag, is guarded by the owner's mailbox lock; an operation between two processes takes one
 * mailbox lock at a time, never both, and orders its steps so a death in between is never missed.
 */
final class Connections {
    private final ProcessCell owner;
    // Created on first use: most processes have a link or two and few monitors, and an idle
    // process should cost little memory (W1).
    private HashSet<Pid> links;
    private HashMap<MonitorRef, Pid> watchers;   // monitors on the owner
    private HashMap<MonitorRef, Pid> monitoring; // monitors the owner holds
    private boolean trapExit;

    Connections(ProcessCell owner) {
        this.owner = owner;
    }

    private Mailbox mailbox() {
        return owner.mailbox;
    }

    private HashSet<Pid> links() {
        if (links == null) {
            links = new HashSet<>(4);
        }
        return links;
    }

    private HashMap<MonitorRef, Pid> watchers() {
        if (watchers == null) {
            watchers = new HashMap<>(4);
        }
        return watchers;
    }

    private HashMap<MonitorRef, Pid> monitoring() {
        if (monitoring == null) {
            monitoring = new HashMap<>(4);
        }
        return monitoring;
    }

    /** Before the owner's thread starts: nobody else can see it yet. */
    void addLinkUnchecked(Pid other) {
        links().add(other);
    }

    boolean addLinkIfAlive(Pid other) {
        return mailbox().withLock(() -> {
            if (!owner.alive()) {
                return false;
            }
            links().add(other);
            return true;
        });
    }

    /** P4. Our side first: if {@code other} dies after adding its side, its signal finds the link. */
    void link(Pid other) {
        mailbox().withLock(() -> links().add(other));
        ProcessCell target = owner.kernel().cell(other);
        if (target == null || !target.connections.addLinkIfAlive(owner.self())) {
            mailbox().withLock(() -> links != null && links.remove(other));
            if (trapsExit()) {
                mailbox().withLock(() -> {
                    queueSignalLocked(new ExitMessage(other, ExitReason.NOPROC), other, owner.cause());
                    return null;
                });
                mailbox().wakeOwner();
            } else {
                throw new Crash("noproc");
            }
        }
    }

    void unlink(Pid other) {
        mailbox().withLock(() -> links != null && links.remove(other));
        ProcessCell target = owner.kernel().cell(other);
        if (target != null) {
            target.mailbox.withLock(() -> target.connections.removeLinkLocked(owner.self()));
        }
    }

    /** Under the owner's mailbox lock: whether a link to {@code from} existed (and is now gone). E8. */
    boolean removeLinkLocked(Pid from) {
        return links != null && links.remove(from);
    }

    MonitorRef monitor(Pid target) {
        MonitorRef ref = owner.kernel().newRef();
        mailbox().withLock(() -> monitoring().put(ref, target));
        ProcessCell cell = owner.kernel().cell(target);
        boolean watching = cell != null
                && cell.mailbox.withLock(() -> cell.alive() && cell.connections.watchers().put(ref, owner.self()) == null);
        if (!watching) {
            deliverDown(ref, target, ExitReason.NOPROC, owner.cause()); // P5
        }
        return ref;
    }

    /** Before {@code child}'s thread starts: the owner monitors it from its first instant. */
    void monitorFromStart(MonitorRef ref, ProcessCell child) {
        mailbox().withLock(() -> monitoring().put(ref, child.self()));
        child.mailbox.withLock(() -> child.connections.watchers().put(ref, owner.self()));
    }

    void demonitor(MonitorRef ref, boolean flush) {
        Pid target = mailbox().withLock(() -> monitoring == null ? null : monitoring.remove(ref));
        if (target != null) {
            ProcessCell cell = owner.kernel().cell(target);
            if (cell != null) {
                cell.mailbox.withLock(() -> cell.connections.watchers == null ? null : cell.connections.watchers.remove(ref));
            }
        }
        if (flush) {
            mailbox().removeIf(message -> message instanceof Down down && down.ref().equals(ref));
        }
    }

    /** Queues the DOWN only if the monitor is still held: after a demonitor none may arrive (P5). */
    void deliverDown(MonitorRef ref, Pid from, ExitReason reason, long because) {
        mailbox().withLock(() -> {
            if (monitoring != null && monitoring.remove(ref) != null) {
                queueSignalLocked(new Down(ref, from, reason), from, because);
            }
            return null;
        });
        mailbox().wakeOwner();
    }

    /** Sets whether the owner traps exits; whether it did before. */
    boolean trapExit(boolean trap) {
        return mailbox().withLock(() -> {
            boolean old = trapExit;
            trapExit = trap;
            return old;
        });
    }

    boolean trapsExit() {
        return mailbox().withLock(() -> trapExit);
    }

    /**
     * Applies otp-semantics 1.1 under the mailbox lock: queues an {@link ExitMessage}, drops the
     * signal, or returns the reason the owner must now die with (the caller carries it out
     * after releasing its locks).
     */
    ExitReason receiveExitSignal(Pid from, ExitReason reason, boolean viaLink, long because) {
        return mailbox().withLock(() -> {
            if (!owner.alive()) {
                return null;
            }
            if (viaLink && !removeLinkLocked(from)) {
                return null; // E8: the link was removed before the signal arrived
            }
            if (!viaLink && reason instanceof ExitReason.Kill) {
                return ExitReason.KILLED; // E1
            }
            if (trapExit) {
                queueSignalLocked(new ExitMessage(from, reason), from, because); // E2-E7 when trapping
                return null;
            }
            if (reason instanceof ExitReason.Normal) {
                return !viaLink && from.equals(owner.self()) ? ExitReason.NORMAL : null; // E3 / E2, E5
            }
            return reason; // E4, E6, E7
        });
    }

    /**
     * Queues a message the runtime makes for the owner from a signal ({@code ExitMessage},
     * {@code Down}), under its mailbox lock; traced as sent by {@code from} because of {@code because}.
     */
    private void queueSignalLocked(Object message, Pid from, long because) {
        Object entry = owner.tracing.signalEnvelope(message, from, because);
        if (mailbox().offerLocked(entry) == Mailbox.CLOSED) {
            Deliveries.dropped(owner.kernel(), Deliveries.messageId(entry), owner.traceId(), DropReason.NO_PROCESS);
        }
    }

    /** At the owner's death, after its mailbox closed: each linked process gets its exit signal, each watcher its DOWN. */
    void tellOfDeath(Mailbox.Remains remains, ExitReason reason, long exited) {
        for (Pid linked : remains.links()) {
            ProcessCell cell = owner.kernel().cell(linked);
            if (cell != null) {
                cell.deliverExit(owner.self(), reason, true, exited);
            }
        }
        for (Map.Entry<MonitorRef, Pid> watcher : remains.watchers().entrySet()) {
            ProcessCell cell = owner.kernel().cell(watcher.getValue());
            if (cell != null) {
                cell.connections.deliverDown(watcher.getKey(), owner.self(), reason, exited);
            }
        }
    }

    /** Under the owner's mailbox lock, at its death: hands back whom to tell, and forgets everything. */
    Mailbox.Remains detachLocked() {
        Mailbox.Remains remains = new Mailbox.Remains(links == null ? List.of() : new ArrayList<>(links),
                watchers == null ? Map.of() : new HashMap<>(watchers));
        links = null;
        watchers = null;
        monitoring = null;
        return remains;
    }
}
