/**
 * Specifications of how a supervision tree must behave under faults: pure observers of a finished
 * run ({@link dev.cascade.spec.CascadeRun}: trace, fault ledger, tree shape, seed) that return a
 * {@link dev.cascade.spec.Verdict} — pass, fail (with the violating events, the explanation and the
 * seed) or inconclusive (with why), never a silent pass. The built-ins each rest on a rule of OTP's
 * supervisor (see {@code otp-semantics.md}); {@link dev.cascade.spec.CascadeSpec#of} adds your own.
 * {@link dev.cascade.spec.Shrinker} shrinks a failing plan to a smallest one that still fails.
 *
 * <pre>{@code
 * try (ChaosTree tree = ChaosTree.start(payments)) {
 *     tree.apply(plan);
 *     tree.runFor(Duration.ofSeconds(5));
 *     Verdict verdict = CascadeSpec.isolation("root/gateway", "root/ledger").check(CascadeRun.of(tree, payments));
 * }
 * }</pre>
 */
package dev.cascade.spec;
