package dev.cascade.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU seconds used so far by a campaign's worker threads ({@code cascade-campaign-*}). A campaign's
 * pool ends with its run, and a dead thread's CPU time cannot be read, so a daemon thread samples
 * the live workers every 50 ms and keeps each one's last reading (a worker's last 50 ms may be missed).
 */
final class Workers {
    private static final Map<Long, Long> LAST = new ConcurrentHashMap<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static {
        Thread sampler = Thread.ofPlatform().daemon().name("worker-cpu-sampler").unstarted(() -> {
            while (true) {
                sample();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        sampler.start();
    }

    private Workers() {}

    /** CPU seconds of every worker so far, read now for the live ones. */
    static double cpu() {
        sample();
        return LAST.values().stream().mapToLong(Long::longValue).sum() / 1e9;
    }

    private static void sample() {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("cascade-campaign-")) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    LAST.merge(info.getThreadId(), cpu, Math::max);
                }
            }
        }
    }
}
