package dev.cascade.spec.plan;

/**
 * The kinds of faults a drawn plan may hold; {@code FaultPlans.Kind} in the JUnit extension names
 * the same kinds, and a campaign's {@code --kinds crash,kill} spells them in lower case.
 *
 * <pre>{@code
 * PlanSpace space = PlanSpace.over(outline).kinds(EnumSet.of(FaultKind.CRASH, FaultKind.KILL));
 * }</pre>
 */
public enum FaultKind {
    /** {@code raise}: a worker's handler throws. */
    CRASH,
    /** The untrappable {@code kill}, of a worker or a supervisor. */
    KILL,
    /** A worker's handler stops it ({@code normal} or a reason). */
    STOP,
    /** An exit signal ({@code shutdown} or a reason) from outside the tree. */
    EXIT_SIGNAL,
    /** A worker handles its next 1–5 messages 10 ms – 2 s slower. */
    SLOW_HANDLING,
    /** Start attempts 2 (and 3) of a child take 10 ms – 2 s. */
    SLOW_START,
    /** Start attempts 2 (and 3) of a child fail. */
    FAILING_START,
    /** 1, 10 or 100 messages to a worker at once. */
    FLOOD,
    /** Intensity + 1 kills of a child inside its supervisor's period. */
    BREACH,
    /** Messages between two workers dropped, delayed, duplicated or reordered for a while. */
    LINK,
    /** A call (the 1st–3rd after it fires) of one of the space's methods throws or takes 10 ms – 2 s longer: through the agent. */
    METHOD
}
