/**
 * Internals of the scenario package: how a scenario file's tree, workers and faults are run and
 * recorded.
 *
 * <p><strong>Not API.</strong> Types here are public only so that {@code dev.cascade.scenario} can
 * use them; they may change or disappear in any release. Use
 * {@link dev.cascade.scenario.ScenarioReader} and {@link dev.cascade.scenario.ScenarioWriter}.
 */
package dev.cascade.scenario.internal;
