package dev.cascade.runtime;

/**
 * Whether a node records a {@link dev.cascade.trace.Trace}. Off by default: the runtime then makes
 * one null check per hook and nothing else. On, every spawn, start, message, call, exit, restart
 * decision and fault is an event with its cause.
 */
public enum Tracing {
    OFF,
    ON
}
