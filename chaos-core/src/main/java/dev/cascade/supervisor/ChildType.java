package dev.cascade.supervisor;

/** Whether a child is a worker or a supervisor; only changes the default shutdown and the counts. */
public enum ChildType {
    WORKER,
    SUPERVISOR
}
