package dev.cascade.cli.otp;

import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioBuilder;
import dev.cascade.chaos.Fault;
import dev.cascade.runtime.ExitReason;
import dev.cascade.scenario.ScenarioTree;
import dev.cascade.scenario.ScenarioWriter;
import dev.cascade.scenario.SupervisorBuilder;
import dev.cascade.scenario.WorkerBuilder;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import dev.cascade.supervisor.Strategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Random scenarios for the cross-check with OTP, from a seed: the same seed and index give the same
 * file. Trees of up to three levels under the root with every strategy, restart type and kind of
 * shutdown, intensities 0-3 over 1-5 s, start failures and ignores on chosen attempts (now and then on
 * the first, so the tree fails to start), slow starts, trapping workers with slow terminates; and one
 * to four faults of the kinds OTP can express (raise, stop, exit_signal, kill, slow_start,
 * failing_start) with the format's timing
 * margins: faults 300-700 ms apart, none within 100 ms of a whole second, short delays, and a
 * terminate delay never within 50 ms of its shutdown timeout. Some workers do slow work after their
 * start ({@code continue_ms}, 50-650 ms, so a later fault's raise or stop now and then waits in the
 * mailbox for it); never a trapping worker with a shutdown timeout, whose stop would race the
 * remaining work against that timeout. A scenario whose cascade still ends up too close to something
 * is set aside by {@link Margins}, not compared.
 */
final class ScenarioGenerator {
    private static final String[] REASONS = {"boom", "bye", "normal", "shutdown", "shutdown:bye"};
    private static final int[] SHUTDOWN_MS = {100, 300, 1000};
    private static final int[] TERMINATE_MS = {0, 0, 60, 200};

    private final Random random;
    /**
     * Draws for the knobs added after the generator's first corpus ({@code continue_ms}): a stream
     * of its own, so a seed still gives the trees and faults it gave before, plus the new knobs.
     */
    private final Random added;
    private final List<String> workers = new ArrayList<>();
    private final List<String> nodes = new ArrayList<>();

    private ScenarioGenerator(long seed, int index) {
        this.random = new Random(seed * 1_000_003L + index);
        this.added = new Random(~(seed * 1_000_003L + index));
    }

    /** Writes {@code count} generated scenarios into {@code dir} as {@code gen-<seed>-<i>.json}; returns the files. */
    static List<Path> writeAll(Path dir, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve(name(seed, i) + ".json");
            Files.writeString(file, ScenarioWriter.write(generate(seed, i)));
            files.add(file);
        }
        return files;
    }

    static Scenario generate(long seed, int index) {
        return new ScenarioGenerator(seed, index).scenario(name(seed, index));
    }

    private static String name(long seed, int index) {
        return "gen-" + Long.toUnsignedString(seed) + "-" + index;
    }

    private Scenario scenario(String name) {
        SupervisorBuilder root = supervisor("root", "root", 0);
        ScenarioBuilder builder = Scenario.named(name).tree(root);
        int faults = 1 + random.nextInt(4);
        long at = 0;
        for (int i = 0; i < faults; i++) {
            at += 300 + random.nextInt(400);
            if (at % 1000 > 850) {
                at += 1000 - at % 1000 + 150; // keep faults 100+ ms away from OTP's whole seconds
            } else if (at % 1000 < 100) {
                at += 100 - at % 1000 + 50;
            }
            builder = builder.fault(Duration.ofMillis(at), fault());
        }
        return builder.settle(Duration.ofMillis(300 + random.nextInt(300))).build();
    }

    private SupervisorBuilder supervisor(String id, String path, int depth) {
        nodes.add(path);
        SupervisorBuilder sup = ScenarioTree.supervisor(id)
                .strategy(pick(Strategy.ONE_FOR_ONE, Strategy.ONE_FOR_ALL, Strategy.REST_FOR_ONE))
                .intensity(random.nextInt(4))
                .period(Duration.ofSeconds(1 + random.nextInt(5)));
        if (depth > 0) {
            sup = sup.restart(pick(Restart.PERMANENT, Restart.PERMANENT, Restart.TRANSIENT, Restart.TEMPORARY));
            if (random.nextInt(4) == 0) {
                sup = sup.shutdown(pick(Shutdown.BRUTAL_KILL, Shutdown.millis(2000)));
            }
        }
        int children = 1 + random.nextInt(depth == 0 ? 4 : 3);
        for (int i = 0; i < children; i++) {
            String childId = (depth == 0 ? "" : id.substring(0, 1)) + (char) ('a' + i);
            if (depth < 2 && random.nextInt(4) == 0) {
                sup = sup.child(supervisor("s" + childId, path + "/s" + childId, depth + 1));
            } else {
                sup = sup.child(worker("w" + childId, path + "/w" + childId));
            }
        }
        return sup;
    }

    private WorkerBuilder worker(String id, String path) {
        nodes.add(path);
        workers.add(path);
        WorkerBuilder worker = ScenarioTree.worker(id)
                .restart(pick(Restart.PERMANENT, Restart.PERMANENT, Restart.TRANSIENT, Restart.TEMPORARY));
        int shutdown = SHUTDOWN_MS[random.nextInt(SHUTDOWN_MS.length)];
        int shutdownKind = random.nextInt(5);
        switch (shutdownKind) {
            case 0 -> worker = worker.shutdown(Shutdown.BRUTAL_KILL);
            case 1 -> worker = worker.shutdown(Shutdown.INFINITY);
            default -> worker = worker.shutdown(Shutdown.millis(shutdown));
        }
        boolean traps = random.nextInt(5) < 2;
        boolean continues = added.nextInt(4) == 0 && (!traps || shutdownKind < 2);
        if (continues) {
            worker = worker.continueDelay(Duration.ofMillis(50 + 10 * added.nextInt(61)));
        }
        if (traps) {
            int delay = TERMINATE_MS[random.nextInt(TERMINATE_MS.length)];
            worker = worker.trapExit(true);
            if (delay > 0 && Math.abs(delay - shutdown) >= 50) {
                worker = worker.terminateDelay(Duration.ofMillis(delay));
            }
        }
        if (random.nextInt(4) == 0) {
            worker = worker.failOn(attempts(random.nextInt(30) == 0 ? 1 : 2));
        }
        if (random.nextInt(8) == 0) {
            worker = worker.ignoreOn(attempts(random.nextInt(10) == 0 ? 1 : 2));
        }
        if (random.nextInt(6) == 0) {
            worker = worker.initDelay(Duration.ofMillis(10 + random.nextInt(30)));
        }
        return worker;
    }

    /** One to three distinct start attempts from {@code from} on. */
    private int[] attempts(int from) {
        return IntStream.range(from, from + 4).filter(a -> a == from || random.nextBoolean()).limit(3).toArray();
    }

    private Fault fault() {
        String worker = workers.get(random.nextInt(workers.size()));
        String any = nodes.get(random.nextInt(nodes.size())); // the root now and then, for exit_signal and kill
        String child = nodes.get(1 + random.nextInt(nodes.size() - 1)); // not the root
        return switch (random.nextInt(6)) {
            case 4 -> Fault.slowStart(child, Duration.ofMillis(10 + random.nextInt(40)), attempts(2));
            case 5 -> Fault.failingStart(child, attempts(2));
            case 0 -> Fault.raise(worker, pick("boom", "badarg"));
            case 1 -> Fault.stop(worker, ExitReason.ofWord(REASONS[1 + random.nextInt(REASONS.length - 1)]));
            case 2 -> Fault.exitSignal(any, ExitReason.ofWord(pick("kill", "bye", "normal", "shutdown", "shutdown:bye")));
            default -> Fault.kill(any.equals("root") && random.nextBoolean() ? worker : any);
        };
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
