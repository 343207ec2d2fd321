/**
 * Internals of the chaos package: binding a plan to a tree (the one place a plan is validated),
 * firing faults on time, the hooks that apply them, and the ledger.
 *
 * <p><strong>Not API.</strong> Types here are public only so that other Cascade packages can use
 * them; they may change or disappear in any release. Use {@link dev.cascade.chaos.ChaosTree},
 * {@link dev.cascade.chaos.Fault} and {@link dev.cascade.chaos.FaultPlan}.
 */
package dev.cascade.chaos.internal;
