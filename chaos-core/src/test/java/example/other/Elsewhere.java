package example.other;

/** User code outside the package the virtual-time tests name: never woven by them. */
public final class Elsewhere {
    private Elsewhere() {}

    public static long now() {
        return System.currentTimeMillis();
    }
}
