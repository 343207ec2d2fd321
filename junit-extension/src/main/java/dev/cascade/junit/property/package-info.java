/**
 * How {@link dev.cascade.junit.FaultPlans}, {@link dev.cascade.junit.Cascade} and
 * {@link dev.cascade.junit.CascadeRegressions} do their work: drawing plans, jqwik statistics,
 * failure files, replaying a folder. Not API: it may change in any release.
 */
package dev.cascade.junit.property;
