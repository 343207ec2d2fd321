package example.shop;

/** A price, with how long fetching it took by the client's own clock and when it was fetched. */
public record Quote(String item, int cents, long tookNanos, long atMillis) {}
