package dev.cascade.scenario.internal;

/** The messages scenario workers exchange, named so that ledgers and traces read well. */
final class Messages {
    private Messages() {}

    /** A call request or cast a worker sends to another ({@code sends}): the {@code number}-th of its incarnation. */
    record Request(String from, long number) {
        @Override
        public String toString() {
            return "request " + number + " of " + from;
        }
    }

    /** The {@code number}-th message (from 1) of a flood fault. */
    record Flooded(int number) {
        @Override
        public String toString() {
            return "flood message " + number;
        }
    }

    /** The reply of a worker to every call. */
    static final String REPLY = "ok";
}
