package dev.cascade.catalog;

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
    BLOCKING_CALL_IN_HANDLER(() -> CatalogCheck.allOf(Checks.faultsFired(), Checks.timedOutCallsAtMost(1)),
            "its fault is a slow method of your own code (Fault.delayIn through the agent), and which method blocks inside "
                    + "which handler is not visible from a tree: a probe that slowed a whole server instead would blame the "
                    + "fixed design too; inject Fault.delayIn(yourMethod) in a ChaosTree and check timedOutCallsAtMost, as the "
                    + "story does", BlockingHandler::stories),
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
    private final String noProbe;
    private final Supplier<Story[]> code;

    /** An entry in files, with a probe. */
    Catalog(Supplier<CatalogCheck> check, Function<ProbeTree, List<Finding>> probe) {
        this(check, probe, null, null);
    }

    /** An entry in Java ({@code code} gives its bad and fixed stories), with a probe. */
    Catalog(Supplier<CatalogCheck> check, Function<ProbeTree, List<Finding>> probe, Supplier<Story[]> code) {
        this(check, probe, null, code);
    }

    /** An entry in Java without a probe, and why. */
    Catalog(Supplier<CatalogCheck> check, String noProbe, Supplier<Story[]> code) {
        this(check, null, noProbe, code);
    }

    Catalog(Supplier<CatalogCheck> check, Function<ProbeTree, List<Finding>> probe, String noProbe, Supplier<Story[]> code) {
        this.check = check;
        this.probe = probe;
        this.noProbe = noProbe;
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

    /** Whether this entry can look for its problem in any tree ({@link #probe}). */
    public boolean probes() {
        return probe != null;
    }

    /** Why this entry has no probe, when it has none. */
    public Optional<String> whyNoProbe() {
        return Optional.ofNullable(noProbe);
    }

    /**
     * Looks for this entry's problem in a scenario file's tree (its faults are not used), running the
     * entry's faults against it on the simulated scheduler from seed 0. Empty when nothing was found.
     *
     * @throws UnsupportedOperationException if the entry has no probe ({@link #probes()})
     */
    public List<Finding> probe(Scenario tree) {
        return probe(tree, 0);
    }

    /** {@link #probe(Scenario)} on the simulated scheduler from {@code seed}. */
    public List<Finding> probe(Scenario tree, long seed) {
        return probe(new ProbeTree.File(tree, seed));
    }

    /**
     * Looks for this entry's problem in a Java team's tree: {@code spec} is started as a
     * {@code ChaosTree} (root {@code root}) with its own code on the simulated scheduler from seed 0,
     * and the entry's faults run against it. Empty when nothing was found.
     *
     * <pre>{@code
     * Catalog.INIT_TRAP.probe(PaymentsApp.supervisorSpec()).forEach(finding -> System.out.println(finding.text()));
     * }</pre>
     *
     * @throws UnsupportedOperationException if the entry has no probe ({@link #probes()})
     */
    public List<Finding> probe(SupervisorSpec spec) {
        return probe(spec, 0);
    }

    /** {@link #probe(SupervisorSpec)} on the simulated scheduler from {@code seed}. */
    public List<Finding> probe(SupervisorSpec spec, long seed) {
        return probe(new ProbeTree.Spec(spec, seed));
    }

    private List<Finding> probe(ProbeTree tree) {
        if (probe == null) {
            throw new UnsupportedOperationException("catalog entry " + id() + " has no probe: " + noProbe);
        }
        return probe.apply(tree);
    }

    /** The entry with this id ({@code init-trap}). */
    public static Optional<Catalog> byId(String id) {
        return Arrays.stream(values()).filter(entry -> entry.id().equals(id)).findFirst();
    }
}
