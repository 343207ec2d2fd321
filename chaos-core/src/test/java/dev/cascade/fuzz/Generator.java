package dev.cascade.fuzz;

import dev.cascade.fuzz.Doc.Arr;
import dev.cascade.fuzz.Doc.Obj;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates scenario documents that are valid or nearly so: a small tree (supervisors up to three
 * levels, workers with every knob), faults of every kind aimed at its paths with the fields each
 * kind takes, and a short settle time, so that a run of an accepted document is quick.
 */
final class Generator {
    private static final String[] STRATEGIES = {"one_for_one", "one_for_all", "rest_for_one"};
    private static final String[] RESTARTS = {"permanent", "transient", "temporary"};
    private static final String[] OVERFLOWS = {"reject", "drop_newest", "drop_oldest", "crash"};
    private static final String[] KINDS = {"raise", "stop", "exit_signal", "kill", "slow_handling", "slow_start",
            "failing_start", "flood", "drop", "delay", "duplicate", "reorder", "breach_intensity", "call_timeout"};
    private static final String[] REASONS = {"boom", "normal", "kill", "shutdown", "shutdown:bye", "oops_1"};

    private final SplittableRandom random;
    private final List<String> workers = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();

    private Generator(SplittableRandom random) {
        this.random = random;
    }

    static Obj scenario(SplittableRandom random) {
        return new Generator(random).scenario();
    }

    private Obj scenario() {
        Obj tree = supervisor("root", "root", 0);
        List<Object> faults = new ArrayList<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            faults.add(fault());
        }
        addSends(tree);
        return Obj.of("format", "cascade-scenario/1", "name", "fuzz-" + random.nextInt(1000), "tree", tree,
                "faults", new Arr(faults), "settle_ms", Doc.num(random.nextInt(1500)));
    }

    private Obj supervisor(String id, String path, int depth) {
        paths.add(path);
        Obj node = Obj.of("id", id);
        if (depth > 0) {
            node.members().add(new Doc.Member("supervisor", true));
            maybe(node, "restart", RESTARTS[random.nextInt(3)]);
        }
        maybe(node, "strategy", STRATEGIES[random.nextInt(3)]);
        maybe(node, "intensity", Doc.num(random.nextInt(6)));
        maybe(node, "period_s", Doc.num(1 + random.nextInt(10)));
        List<Object> children = new ArrayList<>();
        int count = 1 + random.nextInt(depth == 0 ? 5 : 3);
        for (int i = 0; i < count; i++) {
            String childId = (depth < 2 && random.nextInt(4) == 0 ? "s" : "w") + i;
            String childPath = path + "/" + childId;
            children.add(childId.startsWith("s") ? supervisor(childId, childPath, depth + 1) : worker(childId, childPath));
        }
        node.members().add(new Doc.Member("children", new Arr(children)));
        return node;
    }

    private Obj worker(String id, String path) {
        paths.add(path);
        workers.add(path);
        Obj node = Obj.of("id", id);
        maybe(node, "restart", RESTARTS[random.nextInt(3)]);
        if (random.nextInt(4) == 0) {
            node.members().add(new Doc.Member("shutdown", random.nextBoolean() ? "brutal_kill" : Doc.num(1 + random.nextInt(100))));
        }
        if (random.nextInt(4) == 0) {
            node.members().add(new Doc.Member("init", Obj.of("fail_on", attempts(), "delay_ms", Doc.num(random.nextInt(50)))));
        }
        if (random.nextInt(4) == 0) {
            node.members().add(new Doc.Member("trap_exit", true));
            maybe(node, "terminate_delay_ms", Doc.num(random.nextInt(100)));
        }
        maybe(node, "handling_ms", Doc.num(random.nextInt(20)));
        if (random.nextInt(6) == 0) {
            node.members().add(new Doc.Member("mailbox", Obj.of("capacity", Doc.num(1 + random.nextInt(5)),
                    "overflow", OVERFLOWS[random.nextInt(4)])));
        }
        return node;
    }

    /** Periodic traffic between workers, added once every worker is known. */
    private void addSends(Obj node) {
        for (Doc.Member member : node.members()) {
            if (member.key().equals("children") && member.value() instanceof Arr children) {
                for (Object child : children.elements()) {
                    Obj obj = (Obj) child;
                    boolean supervisor = obj.members().stream().anyMatch(m -> m.key().equals("children"));
                    if (supervisor) {
                        addSends(obj);
                    } else if (workers.size() > 1 && random.nextInt(3) == 0) {
                        Obj send = Obj.of("to", workers.get(random.nextInt(workers.size())), "every_ms", Doc.num(5 + random.nextInt(200)),
                                "kind", random.nextBoolean() ? "cast" : "call");
                        if (random.nextBoolean()) {
                            send.members().add(new Doc.Member("timeout_ms", Doc.num(1 + random.nextInt(300))));
                        }
                        obj.members().add(new Doc.Member("sends", new Arr(List.of(send))));
                    }
                }
            }
        }
    }

    private Obj fault() {
        String kind = KINDS[random.nextInt(KINDS.length)];
        String target = pick(kind.equals("raise") || kind.equals("stop") || kind.equals("call_timeout") ? workers : paths);
        Obj fault = Obj.of("at_ms", Doc.num(random.nextInt(1000)), "target", target, "kind", kind);
        switch (kind) {
            case "raise", "stop", "exit_signal" -> add(fault, "reason", REASONS[random.nextInt(REASONS.length)]);
            case "slow_handling" -> {
                add(fault, "delay_ms", Doc.num(1 + random.nextInt(200)));
                maybe(fault, "messages", Doc.num(1 + random.nextInt(5)));
                maybe(fault, "duration_ms", Doc.num(1 + random.nextInt(500)));
            }
            case "slow_start" -> {
                add(fault, "delay_ms", Doc.num(1 + random.nextInt(200)));
                add(fault, "attempts", attempts());
            }
            case "failing_start" -> add(fault, "attempts", attempts());
            case "flood" -> {
                add(fault, "count", Doc.num(1 + random.nextInt(50)));
                maybe(fault, "interval_ms", Doc.num(random.nextInt(20)));
            }
            case "drop", "duplicate", "reorder" -> {
                add(fault, "from", pick(paths));
                add(fault, "window_ms", Doc.num(1 + random.nextInt(300)));
            }
            case "delay" -> {
                add(fault, "from", pick(paths));
                add(fault, "window_ms", Doc.num(1 + random.nextInt(300)));
                add(fault, "delay_ms", Doc.num(1 + random.nextInt(300)));
            }
            case "call_timeout" -> {
                if (random.nextBoolean()) {
                    add(fault, "caller", pick(workers));
                }
            }
            default -> { }
        }
        return fault;
    }

    private Arr attempts() {
        List<Object> attempts = new ArrayList<>();
        int first = 1 + random.nextInt(3);
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            attempts.add(Doc.num(first + i));
        }
        return new Arr(attempts);
    }

    private String pick(List<String> from) {
        return from.isEmpty() ? "root" : from.get(random.nextInt(from.size()));
    }

    private static void add(Obj obj, String key, Object value) {
        obj.members().add(new Doc.Member(key, value));
    }

    private void maybe(Obj obj, String key, Object value) {
        if (random.nextBoolean()) {
            add(obj, key, value);
        }
    }
}
