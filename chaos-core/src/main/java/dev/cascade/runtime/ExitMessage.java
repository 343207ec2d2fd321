package dev.cascade.runtime;

/**
 * Erlang's {@code {'EXIT', From, Reason}}: an exit signal turned into a message because the
 * receiver traps exits.
 */
public record ExitMessage(Pid from, ExitReason reason) {}
