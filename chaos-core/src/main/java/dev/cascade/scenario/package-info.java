/**
 * Scenarios: a supervision tree, a plan of faults and a settle time, built with the Java DSL
 * ({@link dev.cascade.scenario.Scenario#named(String)}, {@link dev.cascade.scenario.ScenarioTree}) or
 * read from {@code cascade-scenario/1} files ({@link dev.cascade.scenario.ScenarioReader}); and
 * their outcomes, the {@code cascade-outcome/1} files ({@link dev.cascade.scenario.Outcome}).
 *
 * <p>Both file formats are specified in {@code docs/scenario-format.md}: the {@code cascade-scenario/1}
 * contract and Cascade's additions to it (more fault kinds, the worker knobs {@code handling_ms},
 * {@code mailbox} and {@code sends}, and the outcome's fault {@code ledger} and {@code messages}).
 */
package dev.cascade.scenario;
