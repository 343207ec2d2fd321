/**
 * The {@code cascade otp} command: runs scenario files on Cascade (simulated) and on real
 * Erlang/OTP through the Erlang harness shipped beside these classes (compiled with {@code erlc}
 * on first use), compares the outcomes event for event, and sets aside the scenarios whose timing
 * margins make real OTP's outcome unreliable (scenario-format.md, Determinism). Also the seeded
 * generator of random scenarios the cross-check runs in CI. Not API: the command line is.
 */
package dev.cascade.cli.otp;
