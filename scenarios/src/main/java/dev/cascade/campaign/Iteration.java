package dev.cascade.campaign;

import dev.cascade.chaos.FaultPlan;
import dev.cascade.internal.json.JsonWriter;
import dev.cascade.spec.Trial;
import dev.cascade.spec.Verdict;

import java.util.List;
import java.util.Optional;

/**
 * One iteration of a campaign: its number, the seed derived from the campaign's, the drawn trial
 * (plan and simulation seed), each spec's verdict, and for a failure the name of its shrunk plan.
 *
 * <pre>{@code
 * Iteration it = campaign.iteration(42);       // runs it, whichever shard owns 42; no shrinking
 * if (it.failed()) System.out.println(it.jsonLine());
 * }</pre>
 *
 * @param k        the iteration number
 * @param seed     {@code IterationSeeds.of(campaignSeed, k)}, from which the trial was drawn
 * @param trial    the plan and the simulation seed it ran under
 * @param verdicts each spec's verdict, in the campaign's order
 * @param failure  the name of the failure file of its shrunk plan, when a spec failed
 */
public record Iteration(long k, long seed, Trial trial, List<Verdict> verdicts, Optional<String> failure) {
    public Iteration {
        verdicts = List.copyOf(verdicts);
    }

    /** Whether a spec failed. */
    public boolean failed() {
        return verdicts.stream().anyMatch(Verdict::failed);
    }

    /** This iteration with the name of its failure file. */
    Iteration withFailure(String name) {
        return new Iteration(k, seed, trial, verdicts, Optional.of(name));
    }

    /**
     * The iteration as one line of a results file:
     * {@code {"iteration":3,"seed":…,"sim_seed":…,"verdicts":{"rootSurvives()":"PASS"},"faults":["kill root/db @12ms"]}},
     * with {@code "failure":"<name>"} when a spec failed.
     */
    public String jsonLine() {
        StringBuilder line = new StringBuilder("{\"iteration\":").append(k).append(",\"seed\":").append(seed)
                .append(",\"sim_seed\":").append(trial.seed()).append(",\"verdicts\":{");
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict verdict = verdicts.get(i);
            line.append(i == 0 ? "" : ",").append(JsonWriter.quote(verdict.spec())).append(':').append(JsonWriter.quote(word(verdict)));
        }
        line.append("},\"faults\":[");
        List<FaultPlan.Timed> faults = trial.plan().faults();
        for (int i = 0; i < faults.size(); i++) {
            line.append(i == 0 ? "" : ",").append(JsonWriter.quote(faults.get(i).fault().describe() + " @" + faults.get(i).at().toMillis() + "ms"));
        }
        line.append(']');
        failure.ifPresent(name -> line.append(",\"failure\":").append(JsonWriter.quote(name)));
        return line.append('}').toString();
    }

    static String word(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Pass pass -> "PASS";
            case Verdict.Fail fail -> "FAIL";
            case Verdict.Inconclusive open -> "INCONCLUSIVE";
        };
    }
}
