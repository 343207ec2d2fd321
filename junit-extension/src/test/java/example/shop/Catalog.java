package example.shop;

/** User code (outside dev.cascade, which the agent never weaves) a worker calls on every message: what method faults break, through the agent. */
public final class Catalog {
    private Catalog() {}

    public static String lookup(Object key) {
        return "item " + key;
    }
}
