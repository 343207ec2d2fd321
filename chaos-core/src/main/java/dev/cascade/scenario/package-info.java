/**
 * Scenarios: a supervision tree, a plan of faults and a settle time, built with the Java DSL
 * ({@link dev.cascade.scenario.Scenario#named(String)}, {@link dev.cascade.scenario.ScenarioTree}) or
 * read from {@code cascade-scenario/1} files ({@link dev.cascade.scenario.ScenarioReader}); and
 * their outcomes, the {@code cascade-outcome/1} files ({@link dev.cascade.scenario.Outcome}).
 * {@link dev.cascade.scenario.ScenarioRunner} runs a scenario as a {@link dev.cascade.chaos.ChaosTree}
 * and returns a {@link dev.cascade.scenario.ScenarioRun}: the outcome, a view of the run's trace, with
 * the trace, ledger, seed and simulation report beside it. A scenario's faults are the fault plan's
 * own {@link dev.cascade.chaos.Fault}s; the file's {@code kind}s spell them.
 *
 * <p>Both file formats are specified in {@code docs/scenario-format.md}: the {@code cascade-scenario/1}
 * contract and Cascade's additions to it (more fault kinds, the worker knobs {@code handling_ms},
 * {@code mailbox} and {@code sends}, and the outcome's fault {@code ledger} and {@code messages}).
 */
package dev.cascade.scenario;
