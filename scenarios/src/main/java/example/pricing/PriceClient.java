package example.pricing;

/**
 * A stand-in for a team's own client library (an HTTP or JDBC client), outside Cascade's packages so
 * that the agent may weave it: the catalog's blocking-call entry slows {@link #quote} with a fault
 * ({@code Fault.delayIn(MethodMatch.method(PriceClient.class, "quote"), …)}).
 *
 * <pre>{@code
 * long cents = new PriceClient().quote("apple");   // 105
 * }</pre>
 */
public class PriceClient {
    /** The price of {@code item} in cents, as a remote price service would answer it. */
    public long quote(String item) {
        return 100 + item.length();
    }
}
