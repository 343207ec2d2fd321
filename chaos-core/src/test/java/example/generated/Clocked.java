package example.generated;

import java.time.Duration;

/** What the clock-using user class does, seen through an interface of the test's class loader, so a woven copy loaded elsewhere can be called. */
public interface Clocked {
    void sleep(long millis) throws InterruptedException;

    void sleep(long millis, int nanos) throws InterruptedException;

    void sleep(Duration duration) throws InterruptedException;

    long nanoTime();

    long currentTimeMillis();

    /** A call the clock weaving must leave alone. */
    Thread thread();
}
