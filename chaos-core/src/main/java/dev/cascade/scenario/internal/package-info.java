/**
 * Internals of the scenario package: how {@code cascade-scenario/1} and {@code cascade-outcome/1}
 * files are read and written field by field ({@code Fields}, {@code NodeParser}, {@code FaultParser},
 * {@code OutcomeSections}), the spelling table of faults in files ({@code FaultSpelling}), the checks
 * the scenario records share, and how a scenario's tree runs ({@code TreeSpecs},
 * {@code ScenarioWorker}).
 *
 * <p><strong>Not API.</strong> Types here are public only so that {@code dev.cascade.scenario} can
 * use them; they may change or disappear in any release. Use
 * {@link dev.cascade.scenario.ScenarioReader}, {@link dev.cascade.scenario.ScenarioWriter} and
 * {@link dev.cascade.scenario.ScenarioRunner}.
 */
package dev.cascade.scenario.internal;
