package dev.cascade.campaign;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one shard of a campaign did.
 *
 * <pre>{@code
 * CampaignResult result = campaign.run(Path.of("campaign/shard-0"), Progress.none());
 * System.out.printf("%d runs, %.0f runs/s, %d failures%n", result.runs(), result.runsPerSecond(), result.failures().size());
 * }</pre>
 *
 * @param shard    which shard ran
 * @param runs     how many iterations ran
 * @param failing  how many iterations failed a spec (several may shrink to one failure)
 * @param failures the distinct shrunk failures, in the order first found
 * @param results  the JSON-lines results file
 * @param took     wall time, shrinking included
 */
public record CampaignResult(Shard shard, long runs, long failing, List<Failure> failures, Path results, Duration took) {
    public CampaignResult {
        failures = List.copyOf(failures);
    }

    /** Simulated runs per second of wall time (shrinking included). */
    public double runsPerSecond() {
        return took.isZero() ? 0 : runs / (took.toNanos() / 1e9);
    }
}
