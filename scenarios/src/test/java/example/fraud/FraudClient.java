package example.fraud;

/**
 * A test team's own client of a fraud-scoring service, outside Cascade's packages so that the agent
 * may weave it: {@code JavaTreeProbeTests} names {@link #score} as a method of its code that may block.
 *
 * <pre>{@code
 * int risk = new FraudClient().score("order-1");   // 7
 * }</pre>
 */
public class FraudClient {
    /** The order's risk score, as the remote service would answer it. */
    public int score(String order) {
        return order.length();
    }
}
