package dev.cascade.spec.plan;

import dev.cascade.agent.MethodMatch;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FloodMessage;
import dev.cascade.chaos.MessageMatch;
import dev.cascade.runtime.ExitReason;
import dev.cascade.spec.Trial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws one plan from a {@link PlanSpace}: up to {@code maxFaults} faults of the chosen kinds at
 * whole milliseconds within the horizon, each aimed at a target it can apply to, and a seed. One
 * try in ten each also gets an intensity breach, a fault on a supervisor, and two faults at the
 * same instant, where the space allows them: the edge cases that reach escalation and ordering.
 * The same {@link Random} state always draws the same trial.
 *
 * <pre>{@code
 * PlanGenerator plans = new PlanGenerator(PlanSpace.over(outline).maxFaults(8));
 * Trial trial = plans.draw(new Random(seed));
 * CascadeRun run = trial.run(spec, Duration.ofSeconds(5));
 * }</pre>
 */
public final class PlanGenerator {
    private static final long[] DELAYS_MS = {10, 100, 500, 2000};
    private static final int[] FLOODS = {1, 10, 100};

    private final PlanSpace space;
    private final List<FaultKind> usable;

    public PlanGenerator(PlanSpace space) {
        this.space = space;
        this.usable = space.kinds().stream().sorted().filter(kind -> !candidates(kind).isEmpty()).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no fault of kinds " + space.kinds().stream().sorted().toList()
                    + " can target " + space.targets() + " (crashes, stops and floods need a worker; start faults and breaches"
                    + " a path below the root; link faults two workers): widen targeting(…) or kinds(…)");
        }
    }

    /** Draws a trial: a plan of 1 to {@code maxFaults} faults and a simulation seed in [0, 1,000,000). */
    public Trial draw(Random random) {
        int count = 1 + random.nextInt(space.maxFaults());
        List<Long> times = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FaultKind kind = usable.get(random.nextInt(usable.size()));
            faults.add(fault(kind, pick(random, candidates(kind)), random));
            times.add((long) random.nextInt((int) Math.min(Integer.MAX_VALUE - 1, space.horizon().toMillis()) + 1));
        }
        if (space.kinds().contains(FaultKind.BREACH) && !space.breachable().isEmpty() && random.nextInt(10) == 0) {
            replaceOne(random, faults, Fault.breachIntensity(pick(random, space.breachable())));
        }
        if (space.kinds().contains(FaultKind.KILL) && !space.supervisors().isEmpty() && random.nextInt(10) == 0) {
            replaceOne(random, faults, Fault.kill(pick(random, space.supervisors())));
        }
        if (faults.size() >= 2 && random.nextInt(10) == 0) {
            times.set(1, times.get(0));
        }
        dev.cascade.chaos.FaultPlan.Builder plan = dev.cascade.chaos.FaultPlan.builder();
        for (int i = 0; i < faults.size(); i++) {
            plan.at(Duration.ofMillis(times.get(i)), faults.get(i));
        }
        return new Trial(plan.build(), random.nextInt(1_000_000));
    }

    private static void replaceOne(Random random, List<Fault> faults, Fault edge) {
        faults.set(random.nextInt(faults.size()), edge);
    }

    private List<String> candidates(FaultKind kind) {
        return switch (kind) {
            case CRASH, STOP, SLOW_HANDLING, FLOOD -> space.workers();
            case KILL, EXIT_SIGNAL -> space.targets();
            case SLOW_START, FAILING_START -> space.children();
            case BREACH -> space.breachable();
            case METHOD -> space.methods().isEmpty() ? List.of() : List.of("");
            case LINK -> space.workers().isEmpty() || space.tree().paths().stream()
                    .filter(path -> !space.tree().node(path).orElseThrow().supervisor()).count() < 2 ? List.of() : space.workers();
        };
    }

    private Fault fault(FaultKind kind, String target, Random random) {
        return switch (kind) {
            case CRASH -> Fault.raise(target, "boom");
            case KILL -> Fault.kill(target);
            case STOP -> Fault.stop(target, random.nextBoolean() ? ExitReason.NORMAL : ExitReason.custom("bye"));
            case EXIT_SIGNAL -> Fault.exitSignal(target, random.nextBoolean() ? ExitReason.SHUTDOWN : ExitReason.custom("bye"));
            case SLOW_HANDLING -> new Fault.SlowHandling(target, delay(random), MessageMatch.EVERY_MESSAGE, null, 1 + random.nextInt(5));
            case SLOW_START -> Fault.slowStart(target, delay(random), attempts(random));
            case FAILING_START -> Fault.failingStart(target, attempts(random));
            case FLOOD -> Fault.flood(target, FLOODS[random.nextInt(FLOODS.length)], FloodMessage.NUMBERED);
            case BREACH -> Fault.breachIntensity(target);
            case LINK -> link(target, random);
            case METHOD -> method(random);
        };
    }

    private Fault link(String to, Random random) {
        List<String> from = space.tree().paths().stream()
                .filter(path -> !path.equals(to) && !space.tree().node(path).orElseThrow().supervisor()).toList();
        String sender = pick(random, from);
        Duration window = Duration.ofMillis(random.nextBoolean() ? 100 : 500);
        return switch (random.nextInt(4)) {
            case 0 -> Fault.drop(sender, to, window);
            case 1 -> Fault.delay(sender, to, Duration.ofMillis(50), window);
            case 2 -> Fault.duplicate(sender, to, window);
            default -> Fault.reorder(sender, to, window);
        };
    }

    private Fault method(Random random) {
        MethodMatch method = space.methods().get(random.nextInt(space.methods().size()));
        Fault.InMethod fault = random.nextBoolean()
                ? Fault.throwIn(method, IllegalStateException.class, "boom")
                : Fault.delayIn(method, delay(random));
        return fault.onCall(1 + random.nextInt(3));
    }

    private static Duration delay(Random random) {
        return Duration.ofMillis(DELAYS_MS[random.nextInt(DELAYS_MS.length)]);
    }

    private static int[] attempts(Random random) {
        return random.nextBoolean() ? new int[] {2} : new int[] {2, 3};
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
