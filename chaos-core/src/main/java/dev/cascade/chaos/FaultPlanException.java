package dev.cascade.chaos;

/**
 * A fault plan (or one fault) cannot be bound to its tree: a path the tree does not have, a fault
 * that cannot apply to its target. Thrown before anything runs, naming the fault, the value and
 * what would be valid.
 */
public final class FaultPlanException extends IllegalArgumentException {
    public FaultPlanException(String message) {
        super(message);
    }
}
