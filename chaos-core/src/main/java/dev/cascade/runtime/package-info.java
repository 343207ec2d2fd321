/**
 * The runtime: nodes, processes, links, monitors and mailboxes, on a real or a simulated scheduler
 * ({@link dev.cascade.runtime.Node}, {@link dev.cascade.runtime.ProcessContext}).
 *
 * <p>What happened in a run is recorded once, in its {@link dev.cascade.trace.Trace} (with
 * {@link dev.cascade.runtime.Tracing}); scenario outcomes, assertions and reports are views of it.
 * {@link dev.cascade.runtime.RuntimeListener} is a low-level hook kept for tests and benchmarks that
 * watch the runtime directly; nothing in Cascade computes a result from it.
 */
package dev.cascade.runtime;
