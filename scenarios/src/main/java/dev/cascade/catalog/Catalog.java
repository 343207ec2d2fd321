package dev.cascade.catalog;

import dev.cascade.agent.MethodMatch;
import dev.cascade.scenario.Scenario;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The catalog: the well-known ways supervision trees fail, each a story with a bad and a fixed tree
 * and the check that tells them apart (it fails on the bad tree and passes on the fixed one), and,
 * where the entry can be looked for in any tree, a probe of a user's own tree.
 *
 * <pre>{@code
 * Scenario mine = ScenarioReader.read(Path.of("payments.json"));
 * for (Finding finding : Catalog.INIT_TRAP.probe(mine)) {
 *     System.out.println(finding.text());      // root/gateway's init takes 3000 ms: ...
 * }
 * List<Finding> inJava = Catalog.INIT_TRAP.probe(PaymentsApp.supervisorSpec()); // a Java team's own tree
 * Verdict bad = Catalog.INIT_TRAP.check(Catalog.INIT_TRAP.entry().bad().run(SimulatedScheduler.withSeed(0)));
 * }</pre>
 */
public enum Catalog {
    /** A crash loop breaches the intensity, the subtree goes down, queued messages vanish with it. */
    SILENT_CASCADE(() -> CatalogCheck.allOf(CatalogCheck.of(CascadeSpec.rootSurvives()),
            CatalogCheck.of(CascadeSpec.noLostMessages("root/db"))), Probes::silentCascade),
    /** A flood fills an unbounded mailbox; a bounded one with an overflow policy keeps it in check. */
    UNBOUNDED_MAILBOX(() -> Checks.backlogAtMost("root/api", 200), Probes::unboundedMailbox),
    /** Slow work in init blocks the supervisor and every later sibling's (re)start. */
    INIT_TRAP(() -> CatalogCheck.of(CascadeSpec.boundedRecovery("root/ledger", Duration.ofSeconds(1))), Probes::initTrap),
    /** A calls B while B calls A, inside their handlers: a deadlock only a timeout ends; found from the wait-for graph at once. */
    CALL_DEADLOCK(() -> CatalogCheck.allOf(Checks.noDeadlock(), Checks.noFailedCalls("root")), CallProbes::callDeadlock,
            CallDeadlock::stories),
    /** A blocking call inside a handler (a slow method of user code, through the agent) makes every caller time out. */
    BLOCKING_CALL_IN_HANDLER(() -> CatalogCheck.allOf(Checks.faultsFired(), Checks.timedOutCallsAtMost(1)), BlockingProbe::blockingCall,
            "its fault is a slow method of your own code (Fault.delayIn through the agent), which a tree file does not have; "
                    + "from Java, name the methods of your code that may block: Catalog.BLOCKING_CALL_IN_HANDLER.probe(spec, "
                    + "MethodMatch.method(PriceClient.class, \"quote\"))", BlockingHandler::stories),
    /** One process behind every concern: one slow concern times out the others' calls. */
    GOD_OBJECT(() -> Checks.noFailedCalls("root/payments"), CallProbes::godObject),
    /** one_for_all restarts independent siblings for one crash. */
    ONE_FOR_ALL_INDEPENDENT(() -> CatalogCheck.of(CascadeSpec.isolation("root/email", "root/billing")), StrategyProbes::oneForAllIndependent),
    /** one_for_one leaves a dependent sibling with a stale partner; rest_for_one is the fix. */
    ONE_FOR_ONE_DEPENDENT(() -> Checks.noStalePartner("root/db", "root/api"), StrategyProbes::oneForOneDependent, Dependent::stories),
    /** A temporary child spec for work that must survive: never restarted. */
    TEMPORARY_CHILD(() -> Checks.aliveAtEnd("root/outbox"), Probes::temporaryChild),
    /** A process started outside supervision crashes unnoticed: work lost, nothing restarted. */
    UNSUPERVISED_PROCESS(() -> Checks.noUnsupervisedCrash(), SpawnProbes::unsupervisedProcess, Unsupervised::stories),
    /** A slow dependency makes a chain of callers time out and crash in turn. */
    CALL_TIMEOUT_CASCADE(() -> Checks.noFailedCalls("root"), CallProbes::callTimeoutCascade),
    /** The root at the default intensity: a burst of child crashes takes the application down. */
    ROOT_DEFAULT_INTENSITY(() -> CatalogCheck.of(CascadeSpec.rootSurvives()), Probes::rootDefaultIntensity),
    /** A process per request, with no supervision or limit, against a supervised pool (DynamicSupervisor with maxChildren). */
    PROCESS_PER_REQUEST(() -> Checks.peakStartedAtMost(PerRequest.LIMIT), SpawnProbes::processPerRequest, PerRequest::stories);

    private static final ConcurrentMap<Catalog, Entry> LOADED = new ConcurrentHashMap<>();

    private final Supplier<CatalogCheck> check;
    private final Function<ProbeTree, List<Finding>> probe;
    private final String javaOnly;
    private final Supplier<Story[]> code;

    /** An entry in files, with a probe. */
    Catalog(Supplier<CatalogCheck> check, Function<ProbeTree, List<Finding>> probe) {
        this(check, probe, null, null);
    }

    /** An entry in Java ({@code code} gives its bad and fixed stories), with a probe. */
    Catalog(Supplier<CatalogCheck> check, Function<ProbeTree, List<Finding>> probe, Supplier<Story[]> code) {
        this(check, probe, null, code);
    }

    /** An entry whose probe needs a Java tree: {@code javaOnly} says why a tree file will not do. */
    Catalog(Supplier<CatalogCheck> check, Function<ProbeTree, List<Finding>> probe, String javaOnly, Supplier<Story[]> code) {
        this.check = check;
        this.probe = probe;
        this.javaOnly = javaOnly;
        this.code = code;
    }

    /** The entry's id, its folder's name: {@code init-trap}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The entry's story and trees, read from {@code catalog/<id>/} on the class path (the trees of a Java entry are its code). */
    public Entry entry() {
        return LOADED.computeIfAbsent(this, entry -> {
            if (entry.code == null) {
                return Stories.load(entry.id());
            }
            Story[] stories = entry.code.get();
            return Stories.load(entry.id(), stories[0], stories[1]);
        });
    }

    /** The check that fails on the entry's bad tree and passes on its fixed one. */
    public CatalogCheck check() {
        return check.get();
    }

    /** The check's verdict on {@code run}. */
    public dev.cascade.spec.Verdict check(CatalogRun run) {
        return check().check(run);
    }

    /** Whether this entry's probe can look at a scenario file's tree, not only at a Java {@code SupervisorSpec}. */
    public boolean probesFiles() {
        return javaOnly == null;
    }

    /** Why this entry's probe needs a Java tree, when it does. */
    public Optional<String> whyJavaOnly() {
        return Optional.ofNullable(javaOnly);
    }

    /**
     * Looks for this entry's problem in a scenario file's tree (its faults are not used), running the
     * entry's faults against it on the simulated scheduler from seed 0. Empty when nothing was found.
     *
     * @throws UnsupportedOperationException if the entry's probe needs a Java tree ({@link #probesFiles()})
     */
    public List<Finding> probe(Scenario tree) {
        return probe(tree, 0);
    }

    /** {@link #probe(Scenario)} on the simulated scheduler from {@code seed}. */
    public List<Finding> probe(Scenario tree, long seed) {
        if (javaOnly != null) {
            throw new UnsupportedOperationException("catalog entry " + id() + " cannot probe a tree file: " + javaOnly);
        }
        return probe.apply(new ProbeTree.File(tree, seed));
    }

    /**
     * Looks for this entry's problem in a Java team's tree: {@code spec} is started as a
     * {@code ChaosTree} (root {@code root}) with its own code on the simulated scheduler from seed 0,
     * instrumented through the agent for {@code userCode} (methods of your code that may block, which
     * the blocking-call probe slows), and the entry's faults run against it. Empty when nothing was found.
     *
     * <pre>{@code
     * Catalog.INIT_TRAP.probe(PaymentsApp.supervisorSpec()).forEach(finding -> System.out.println(finding.text()));
     * Catalog.BLOCKING_CALL_IN_HANDLER.probe(PaymentsApp.supervisorSpec(), MethodMatch.method(FraudClient.class, "score"));
     * }</pre>
     *
     * @throws UnsupportedOperationException if the blocking-call probe is given no method of your code
     */
    public List<Finding> probe(SupervisorSpec spec, MethodMatch... userCode) {
        return probe(spec, 0, userCode);
    }

    /** {@link #probe(SupervisorSpec, MethodMatch...)} on the simulated scheduler from {@code seed}. */
    public List<Finding> probe(SupervisorSpec spec, long seed, MethodMatch... userCode) {
        return probe.apply(new ProbeTree.Spec(spec, seed, List.of(userCode)));
    }

    /** The entry with this id ({@code init-trap}). */
    public static Optional<Catalog> byId(String id) {
        return Arrays.stream(values()).filter(entry -> entry.id().equals(id)).findFirst();
    }
}
