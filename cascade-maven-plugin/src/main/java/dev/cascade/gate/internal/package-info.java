/**
 * The CI gate's machinery: reading result records and baselines, comparing them by rules,
 * replaying a drift once from its seed, and writing the gate's table. Not API: names and
 * signatures here may change in any release.
 */
package dev.cascade.gate.internal;
