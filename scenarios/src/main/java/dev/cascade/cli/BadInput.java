package dev.cascade.cli;

/**
 * Bad usage, or a file or output problem found before anything ran: exit status 2, {@link #line()}
 * on stderr, followed by the usage when the words of the command line were wrong. Public (as
 * {@link Options} is) for the commands of this package's sub-packages, which print it with their own usage.
 */
public final class BadInput extends RuntimeException {
    private final boolean usage;
    private final boolean own;

    private BadInput(String message, Throwable cause, boolean usage, boolean own) {
        super(message, cause);
        this.usage = usage;
        this.own = own;
    }

    /** The words of the command line are wrong: the usage follows the message. */
    public static BadInput usage(String message) {
        return new BadInput(message, null, true, false);
    }

    /** A file or the output directory cannot be used; {@code cause} is the system's error, or null. */
    static BadInput input(String message, Throwable cause) {
        return new BadInput(message, cause, false, false);
    }

    /** A scenario file is invalid: {@code FILE: location: problem}, printed as it is. */
    static BadInput scenario(String message, Throwable cause) {
        return new BadInput(message, cause, false, true);
    }

    /** The line to print: {@code cascade: } and the message, or a scenario file's own {@code FILE: location: problem}. */
    String line() {
        return own ? getMessage() : "cascade: " + getMessage();
    }

    boolean showsUsage() {
        return usage;
    }
}
