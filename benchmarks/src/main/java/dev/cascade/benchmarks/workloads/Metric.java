package dev.cascade.benchmarks.workloads;

/**
 * One measured figure of one iteration, e.g. {@code throughput = 1.27 M rt/s}. The unit is the
 * one benchmarks.md states its goal in, so the two compare directly.
 */
public record Metric(String name, String unit, double value) {}
