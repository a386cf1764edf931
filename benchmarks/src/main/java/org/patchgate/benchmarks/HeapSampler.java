package org.patchgate.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples used heap every 10 ms on a daemon thread and keeps the highest value since the last
 * {@link #reset()}. Used heap includes garbage not yet collected, so the figure is an upper bound
 * of what the phase needs; the hard bound is the JVM's -Xmx.
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile long peak;
    private volatile boolean running = true;

    HeapSampler() {
        thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a new phase: collects garbage first so the phase's peak is its own. */
    void reset() {
        System.gc();
        peak = memory.getHeapMemoryUsage().getUsed();
    }

    long peakMiB() {
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed()) >> 20;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
