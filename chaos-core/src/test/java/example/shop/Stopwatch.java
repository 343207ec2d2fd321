package example.shop;

/** Referenced by no other class: the tests load it only after the agent is installed, to see classes loaded later woven too. */
public final class Stopwatch {
    private Stopwatch() {}

    /** How many nanoseconds {@code Thread.sleep(millis)} took by {@code System.nanoTime}. */
    public static long acrossSleep(long millis) throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(millis);
        return System.nanoTime() - start;
    }
}
