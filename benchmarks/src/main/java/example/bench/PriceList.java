package example.bench;

/**
 * The "user code" of {@code UserCallOverheadBenchmark}: a method so small that what the agent weaves
 * around it is most of its cost. Outside {@code dev.cascade} because the agent never weaves Cascade's own classes.
 */
public final class PriceList {
    public int price(int sku) {
        return (sku * 31) ^ (sku >>> 3);
    }
}
