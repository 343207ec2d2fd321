package example.shop;

/** An HTTP-like client: each fetch waits {@code latencyMillis} with {@code Thread.sleep} and times itself with the JDK clock. */
public class SlowClient {
    private final long latencyMillis;

    public SlowClient(long latencyMillis) {
        this.latencyMillis = latencyMillis;
    }

    public Quote fetch(String item) throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(latencyMillis);
        long took = System.nanoTime() - start;
        return new Quote(item, 100 + item.length(), took, System.currentTimeMillis());
    }
}
