package dev.cascade.runtime;

/**
 * Erlang's {@code {'DOWN', Ref, process, Pid, Reason}}: the monitored process ended (or never
 * existed, reason {@code noproc}).
 */
public record Down(MonitorRef ref, Pid pid, ExitReason reason) {}
