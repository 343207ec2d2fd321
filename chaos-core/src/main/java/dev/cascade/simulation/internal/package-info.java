/**
 * Internals of the simulated scheduler: its backends, driver, timers, step log and deadlock finder.
 *
 * <p><strong>Not API.</strong> Types here are public only so that other Cascade packages can use
 * them; they may change or disappear in any release. Use
 * {@link dev.cascade.simulation.SimulatedScheduler}.
 */
package dev.cascade.simulation.internal;
