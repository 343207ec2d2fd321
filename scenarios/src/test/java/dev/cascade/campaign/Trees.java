package dev.cascade.campaign;

import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioTree;
import dev.cascade.supervisor.Restart;

import java.nio.file.Path;
import java.time.Duration;

/** The trees the campaign tests run over. */
final class Trees {
    private Trees() {}

    /** The {@code scenario-format.md} example tree (its own faults are not used by a campaign). */
    static Scenario cacheCrash() {
        return ScenarioReader.read(Path.of("examples", "cache-crash.json"));
    }

    /**
     * The planted bug: {@code app} absorbs at most 3 restarts in 5 s, and its root takes none, so
     * four crashes of the one permanent worker {@code cache} take the whole tree down. Crashes of the
     * temporary {@code api} and {@code queue} are never restarted and count for nothing.
     */
    static Scenario planted() {
        return Scenario.named("planted")
                .tree(ScenarioTree.supervisor("root").intensity(0)
                        .child(ScenarioTree.supervisor("app").intensity(3)
                                .child(ScenarioTree.worker("cache"))
                                .child(ScenarioTree.worker("api").restart(Restart.TEMPORARY))
                                .child(ScenarioTree.worker("queue").restart(Restart.TEMPORARY))))
                .settle(Duration.ofMillis(500))
                .build();
    }

    /** A root that takes no restart over one worker: every crash fails {@code rootSurvives()} and shrinks to the same plan. */
    static Scenario fragile() {
        return Scenario.named("fragile")
                .tree(ScenarioTree.supervisor("root").intensity(0).child(ScenarioTree.worker("w")))
                .settle(Duration.ofMillis(200))
                .build();
    }
}
