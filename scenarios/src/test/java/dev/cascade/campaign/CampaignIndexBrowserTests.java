package dev.cascade.campaign;

import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.plan.FaultKind;
import dev.cascade.spec.plan.PlanSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaign index page a merge writes, opened in headless Chromium (skipped, saying how to install it, without one). */
class CampaignIndexBrowserTests {
    @Test
    void the_merged_index_opens_without_script_errors_listing_each_failure_with_its_replay_and_report(@TempDir Path dir) throws Exception {
        Chromium browser = Chromium.required();
        Campaign campaign = Campaign.of(Trees.planted(), List.of(CascadeSpec.rootSurvives()))
                .space(PlanSpace.over(ScenarioSpecs.outline(Trees.planted())).kinds(Set.of(FaultKind.CRASH)).maxFaults(6)).seed(5)
                .iterations(0, 200).threads(2);
        campaign.shard(new Shard(0, 2, "--shard")).run(dir.resolve("s0"), Progress.none());
        campaign.shard(new Shard(1, 2, "--shard")).run(dir.resolve("s1"), Progress.none());
        CampaignMerge.Result merged = CampaignMerge.merge(List.of(dir.resolve("s0"), dir.resolve("s1")), dir.resolve("merged"), Optional.empty());
        assertThat(merged.failures()).isNotEmpty();

        String dom = browser.dom(merged.index(), dir.resolve("profile"));

        assertThat(Chromium.htmlAttribute(dom, "data-errors")).isEmpty();
        assertThat(Chromium.htmlAttribute(dom, "data-rendered")).isNotEmpty();
        for (Failure failure : merged.failures()) {
            assertThat(dom).contains(failure.name() + " · rootSurvives() · replay: " + failure.replay().replace("<", "&lt;").replace(">", "&gt;"))
                    .contains("href=\"failures/" + failure.name() + ".html\"");
        }
        assertThat(dom).contains(merged.failures().size() + " failed");
    }
}
