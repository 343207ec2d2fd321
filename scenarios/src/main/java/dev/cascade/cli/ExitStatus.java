package dev.cascade.cli;

/**
 * The exit statuses of {@code cascade}, each with one meaning (the README's CLI section has the
 * same table): a pipeline can tell a bad file from a failed run from a run too large to finish.
 */
enum ExitStatus {
    /** Every file ran (and, with {@code --check-determinism}, replayed identically). */
    OK(0),
    /** A run failed, or was not reproducible: the scenario ran and its verdict is no. */
    FAILED(1),
    /** Bad usage, or a file or {@code --out} problem found before anything ran (nothing ran). */
    BAD_INPUT(2),
    /** A run reached a run budget ({@code --max-steps}, {@code --max-seconds}) and was stopped. */
    BUDGET(3);

    final int code;

    ExitStatus(int code) {
        this.code = code;
    }
}
