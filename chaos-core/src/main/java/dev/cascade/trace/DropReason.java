package dev.cascade.trace;

/** Why a message never reached a mailbox, or was pushed out of one. */
public enum DropReason {
    /** Its receiver was not alive when it arrived (Erlang drops such messages silently). */
    NO_PROCESS,
    /** A call reply that came after the call had ended (timed out): OTP's late reply (G20). */
    LATE_REPLY,
    /** The bounded mailbox was full and its policy rejects to the sender, who got {@code MailboxFullException}. */
    REJECTED_FULL,
    /** The bounded mailbox was full and its policy drops the newest message: this one. */
    DROPPED_NEWEST,
    /** The bounded mailbox was full and its policy drops the oldest message: this one made room. */
    DROPPED_OLDEST,
    /** A fault of the plan dropped it between two paths. */
    FAULT
}
