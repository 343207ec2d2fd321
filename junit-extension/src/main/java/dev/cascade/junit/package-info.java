/**
 * Chaos tests of supervision trees in JUnit 5: {@link dev.cascade.junit.CascadeTest @CascadeTest} and
 * {@link dev.cascade.junit.Tree @Tree}, {@link dev.cascade.junit.CascadeContext}, the AssertJ assertions of
 * {@link dev.cascade.junit.CascadeAssertions} and the Awaitility conditions of
 * {@link dev.cascade.junit.CascadeConditions}.
 *
 * <p>The public types are the API; everything package-private here (the extension itself, seeds, the per-test
 * run, checks, run files and result records) is not, and may change. The result record's format is specified
 * in {@code docs/result-record.md}.
 */
package dev.cascade.junit;
