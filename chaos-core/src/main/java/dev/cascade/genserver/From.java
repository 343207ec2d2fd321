package dev.cascade.genserver;

import dev.cascade.runtime.Pid;

/** Who made a call, for {@link GenServer#reply}: the caller and the alias its reply goes to. */
public record From(Pid caller, long alias) {}
