package dev.cascade.supervisor.internal;

import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.ChildInfo;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;

import java.util.Optional;

/** One child of a supervisor: its spec and whether it runs, is stopped, or waits for a retry. */
public final class ChildEntry {
    final ChildSpec spec;
    Pid pid;
    boolean restarting;

    public ChildEntry(ChildSpec spec) {
        this.spec = spec;
    }

    String id() {
        return spec.id();
    }

    boolean running() {
        return pid != null;
    }

    boolean temporary() {
        return spec.restart() == Restart.TEMPORARY;
    }

    void stopped() {
        pid = null;
        restarting = false;
    }

    ChildInfo info() {
        return new ChildInfo(spec.id(), Optional.ofNullable(pid), restarting, spec.type());
    }
}
