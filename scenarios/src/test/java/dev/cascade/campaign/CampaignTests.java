package dev.cascade.campaign;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.plan.FaultKind;
import dev.cascade.spec.plan.PlanSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignTests {
    private static Campaign crashes(dev.cascade.scenario.Scenario scenario, int maxFaults) {
        return Campaign.of(scenario, List.of(CascadeSpec.rootSurvives()))
                .space(PlanSpace.over(ScenarioSpecs.outline(scenario)).kinds(Set.of(FaultKind.CRASH)).maxFaults(maxFaults))
                .seed(11);
    }

    @Test
    void iteration_k_draws_the_same_trial_whatever_the_shard_and_thread_count() {
        Campaign campaign = crashes(Trees.cacheCrash(), 8);
        assertThat(campaign.shard(new Shard(3, 4, "--shard")).threads(1).trial(123))
                .isEqualTo(campaign.threads(2).trial(123));
        assertThat(campaign.trial(123)).isNotEqualTo(campaign.trial(124));
        assertThat(campaign.seed(12).trial(123)).isNotEqualTo(campaign.trial(123));
    }

    @Test
    void four_shards_of_a_range_run_one_after_another_give_the_lines_and_failures_of_one_run(@TempDir Path dir) throws IOException {
        Campaign campaign = crashes(Trees.cacheCrash(), 6).iterations(0, 400).threads(2);
        CampaignResult whole = campaign.run(dir.resolve("whole"), Progress.none());
        List<String> shardLines = new ArrayList<>();
        Set<String> shardFailures = new TreeSet<>();
        long runs = 0;
        for (int i = 0; i < 4; i++) {
            CampaignResult shard = campaign.shard(new Shard(i, 4, "--shard")).run(dir.resolve("shard-" + i), Progress.none());
            shardLines.addAll(Files.readAllLines(shard.results()));
            shard.failures().forEach(failure -> shardFailures.add(failure.name()));
            runs += shard.runs();
        }
        shardLines.sort(java.util.Comparator.comparingLong(CampaignTests::iteration));
        assertThat(runs).isEqualTo(400);
        assertThat(shardLines).isEqualTo(Files.readAllLines(whole.results()));
        assertThat(whole.failures()).isNotEmpty();
        assertThat(shardFailures).isEqualTo(new TreeSet<>(whole.failures().stream().map(Failure::name).toList()));
        for (Failure failure : whole.failures()) {
            assertThat(dir.resolve("shard-" + failure.iteration() % 4).resolve("failures").resolve(failure.name() + ".json"))
                    .hasSameTextualContentAs(failure.file());
        }
    }

    @Test
    void the_results_file_does_not_depend_on_the_number_of_threads(@TempDir Path dir) throws IOException {
        Campaign campaign = crashes(Trees.cacheCrash(), 4).iterations(0, 150);
        CampaignResult one = campaign.threads(1).run(dir.resolve("one"), Progress.none());
        CampaignResult three = campaign.threads(3).run(dir.resolve("three"), Progress.none());
        assertThat(Files.readAllLines(three.results())).isEqualTo(Files.readAllLines(one.results())).hasSize(150);
    }

    @Test
    void a_campaign_of_three_thousand_runs_finds_the_planted_bug_and_shrinks_it_to_four_crashes_of_cache(@TempDir Path dir) {
        CampaignResult result = crashes(Trees.planted(), 4).iterations(0, 3000).threads(2).run(dir, Progress.none());
        assertThat(result.runs()).isEqualTo(3000);
        assertThat(result.failures()).isNotEmpty();
        for (Failure failure : result.failures()) {
            assertThat(failure.shrunk().plan().faults()).hasSize(4)
                    .allSatisfy(timed -> assertThat(timed.fault()).isEqualTo(Fault.raise("root/app/cache", "boom")));
        }
        // every failing iteration's drawn plan crashed cache four times: no other plan fails
        Campaign campaign = crashes(Trees.planted(), 4);
        try (var lines = Files.lines(result.results())) {
            lines.filter(line -> line.contains("\"failure\"")).forEach(line -> assertThat(cacheCrashes(campaign.trial(iteration(line)).plan()))
                    .as(line).isEqualTo(4));
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    @Test
    void a_failure_replays_from_its_scenario_file_to_the_same_failing_verdict(@TempDir Path dir) {
        Campaign campaign = crashes(Trees.cacheCrash(), 6).iterations(0, 200).threads(2);
        CampaignResult result = campaign.run(dir, Progress.none());
        assertThat(result.failures()).isNotEmpty();
        for (Failure failure : result.failures()) {
            var scenario = dev.cascade.scenario.ScenarioReader.read(failure.file());
            List<CascadeSpec> specs = ScenarioSpecs.read(failure.file(), scenario);
            assertThat(specs).extracting(CascadeSpec::name).containsExactly("rootSurvives()");
            assertThat(ScenarioSpecs.check(scenario, specs, failure.shrunk().seed())).singleElement()
                    .satisfies(verdict -> assertThat(verdict.failed()).as(verdict.text()).isTrue());
            assertThat(failure.report()).hasValueSatisfying(html -> assertThat(html).exists());
        }
    }

    @Test
    void a_campaign_without_specs_is_refused() {
        assertThatThrownBy(() -> Campaign.of(Trees.fragile(), List.of()))
                .hasMessage("a campaign needs at least one spec to check (e.g. rootSurvives()); scenario \"fragile\" has none");
    }

    static long iteration(String line) {
        return Long.parseLong(line.substring("{\"iteration\":".length(), line.indexOf(',')));
    }

    private static long cacheCrashes(FaultPlan plan) {
        return plan.faults().stream().filter(timed -> timed.fault().equals(Fault.raise("root/app/cache", "boom"))).count();
    }
}
