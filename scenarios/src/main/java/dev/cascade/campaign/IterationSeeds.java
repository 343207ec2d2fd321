package dev.cascade.campaign;

/**
 * Iteration {@code k}'s seed from the campaign seed {@code S} and {@code k} alone (SplitMix64's
 * finaliser over {@code S} and {@code k}), so no split of the range changes what an iteration runs.
 *
 * <pre>{@code
 * long seed = IterationSeeds.of(7, 123_456);   // the same on every machine, in every shard
 * }</pre>
 */
public final class IterationSeeds {
    private IterationSeeds() {}

    /** The seed of iteration {@code k} of the campaign with seed {@code campaignSeed}. */
    public static long of(long campaignSeed, long k) {
        long z = campaignSeed * 0x9E3779B97F4A7C15L + (k + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
