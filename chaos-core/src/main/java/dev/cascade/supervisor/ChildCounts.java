package dev.cascade.supervisor;

/**
 * {@link Supervisor#countChildren}: all specs, the children alive, and specs by type (alive or not).
 */
public record ChildCounts(int specs, int active, int supervisors, int workers) {}
