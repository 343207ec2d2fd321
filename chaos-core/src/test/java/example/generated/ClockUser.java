package example.generated;

import java.time.Duration;

/**
 * User code that reads the JDK clock and sleeps with {@code Thread.sleep}, in each of the five forms
 * the agent's clock weaving redirects. The tests weave copies of it (without an agent) under other names.
 */
public class ClockUser implements Clocked {
    @Override
    public void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    @Override
    public void sleep(long millis, int nanos) throws InterruptedException {
        Thread.sleep(millis, nanos);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public Thread thread() {
        return Thread.currentThread();
    }
}
