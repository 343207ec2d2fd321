package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeds: by precedence (annotation, cascade.seed, derived from the unique id), stable across runs, and a failure replays from its seed. */
class SeedTests {
    static final Map<String, Long> SEEDS = new ConcurrentHashMap<>();

    @TempDir
    Path folder;

    @BeforeEach
    void clear() {
        SEEDS.clear();
    }

    @CascadeTest
    static class Pair {
        @Test
        void first(CascadeContext cascade) {
            SEEDS.put("first", cascade.seed());
        }

        @Test
        void second(CascadeContext cascade) {
            SEEDS.put("second", cascade.seed());
        }
    }

    @CascadeTest(seed = 42)
    static class Annotated {
        @Test
        void fixed(CascadeContext cascade) {
            SEEDS.put("fixed", cascade.seed());
        }

        @Test
        @CascadeTest(seed = 7)
        void method_wins(CascadeContext cascade) {
            SEEDS.put("method", cascade.seed());
        }
    }

    @Test
    void the_seed_derived_from_the_unique_id_is_the_same_on_every_run_and_differs_between_tests() {
        new Kit(folder).run(Pair.class);
        Map<String, Long> once = Map.copyOf(SEEDS);
        SEEDS.clear();
        new Kit(folder).run(Pair.class);

        assertThat(SEEDS).isEqualTo(once).hasSize(2);
        assertThat(once.get("first")).isNotEqualTo(once.get("second"))
                .isEqualTo(Seeds.derive("[engine:junit-jupiter]/[class:" + Pair.class.getName() + "]/[method:first(dev.cascade.junit.CascadeContext)]"));
    }

    @Test
    void the_configuration_parameter_sets_the_seed_in_decimal_or_hex() {
        new Kit(folder).with("cascade.seed", "0x5eed").run(Pair.class);
        assertThat(SEEDS).containsEntry("first", 0x5eedL).containsEntry("second", 0x5eedL);

        new Kit(folder).with("cascade.seed", "-12").run(Pair.class);
        assertThat(SEEDS).containsEntry("first", -12L);
    }

    @Test
    void the_annotations_seed_wins_over_the_configuration_and_a_methods_over_its_classes() {
        new Kit(folder).with("cascade.seed", "99").run(Annotated.class);
        assertThat(SEEDS).containsEntry("fixed", 42L).containsEntry("method", 7L);
    }

    @Test
    void random_draws_a_new_seed_per_run_and_publishes_it() {
        EngineExecutionResults one = new Kit(folder).with("cascade.seed", "random").run(Pair.class);
        long first = SEEDS.get("first");
        new Kit(folder).with("cascade.seed", "random").run(Pair.class);

        assertThat(SEEDS.get("first")).isNotEqualTo(first);
        assertThat(Kit.reportEntries(one, "cascade.seed")).contains(Long.toString(first));
    }

    @Test
    void a_bad_seed_fails_the_test_saying_what_was_given_and_what_is_accepted() {
        EngineExecutionResults results = new Kit(folder).with("cascade.seed", "fourty-two").run(Pair.class);
        assertThat(Kit.failures(results)).hasSize(2).first().extracting(Throwable::getMessage).isEqualTo(
                "cascade.seed must be a number (42, -7, 0x5eed) or random but was \"fourty-two\"; set it with -Dcascade.seed=42 or in junit-platform.properties");
    }

    /** Two processes race to report to a collector; which arrives first is the seed's choice. */
    static final class Collector implements GenServer<List<String>> {
        @Override
        public InitResult<List<String>> init(ProcessContext ctx) {
            return InitResult.ok(new ArrayList<>());
        }

        @Override
        public CallResult<List<String>> handleCall(Object request, From from, List<String> seen) {
            return CallResult.reply(List.copyOf(seen), seen);
        }

        @Override
        public Result<List<String>> handleInfo(Object message, List<String> seen) {
            seen.add((String) message);
            return Result.noReply(seen);
        }
    }

    @CascadeTest
    static class Race {
        @Tree
        static final SupervisorSpec COLLECTOR = SupervisorSpec.oneForOne().withChild(ChildSpec.worker("collector", Collector::new));

        @Test
        void order_is_alphabetical(ChaosTree tree) {
            Pid collector = tree.whereis("root/collector").orElseThrow();
            Object order = tree.node().run(ctx -> {
                for (String name : List.of("a", "b", "c", "d")) {
                    ctx.spawn(racer -> racer.send(collector, name));
                }
                ctx.sleep(java.time.Duration.ofMillis(1));
                return GenServer.call(ctx, collector, "order?");
            });
            SEEDS.put(order.toString(), 0L);
            assertThat(order).asString().isEqualTo("[a, b, c, d]");
        }
    }

    @Test
    void a_failure_replays_exactly_from_the_seed_it_prints() {
        String failure = null;
        for (int run = 0; run < 20 && failure == null; run++) {
            EngineExecutionResults results = new Kit(folder).with("cascade.seed", Integer.toString(1000 + run)).run(Race.class);
            failure = Kit.failures(results).isEmpty() ? null : Kit.message(results);
        }
        assertThat(failure).as("some seed in 1000..1019 makes the racers arrive out of order").isNotNull();
        Matcher replay = Pattern.compile("replay: mvn test -Dtest='SeedTests\\$Race#order_is_alphabetical' -Dcascade.seed=(-?\\d+)")
                .matcher(failure);
        assertThat(replay.find()).as(failure).isTrue();

        EngineExecutionResults again = new Kit(folder).with("cascade.seed", replay.group(1)).run(Race.class);
        assertThat(Kit.message(again)).isEqualTo(failure);
    }

    @Test
    void a_random_seed_is_printed_with_its_replay_command_and_a_failure_under_it_replays_from_the_printed_seed() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String failure = null;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            for (int run = 0; run < 40 && failure == null; run++) {
                printed.reset();
                EngineExecutionResults results = new Kit(folder).with("cascade.seed", "random").run(Race.class);
                failure = Kit.failures(results).isEmpty() ? null : Kit.message(results);
            }
        } finally {
            System.setOut(stdout);
        }
        assertThat(failure).as("some random seed in 40 makes the racers arrive out of order").isNotNull();
        Matcher line = Pattern.compile("cascade: SeedTests\\$Race#order_is_alphabetical runs with random seed (-?\\d+); "
                + "replay: mvn test -Dtest='SeedTests\\$Race#order_is_alphabetical' -Dcascade.seed=(-?\\d+)").matcher(printed.toString(StandardCharsets.UTF_8));
        assertThat(line.find()).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
        String seed = line.group(1);
        assertThat(line.group(2)).isEqualTo(seed);
        assertThat(failure).contains("seed=" + seed + " (drawn at random: cascade.seed=random), simulated\n"
                + "replay: mvn test -Dtest='SeedTests$Race#order_is_alphabetical' -Dcascade.seed=" + seed + "\n");

        EngineExecutionResults again = new Kit(folder).with("cascade.seed", seed).run(Race.class);
        assertThat(Kit.message(again)).isEqualTo(failure.replace("(drawn at random: cascade.seed=random)", "(from cascade.seed)"));
    }
}
