package org.patchgate.catalog.format.winget;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.format.winget.ManifestDirectory.Parsed;

/**
 * Parses directories on a small pool of threads and hands the results to the sink on the calling
 * thread, in the order the directories were submitted (walk order), so the sink sees one thread
 * and the same order as a serial read. At most {@code 4 × threads} directories are in flight, each
 * a few KB of manifests: memory stays bounded, and the walk waits when the workers fall behind.
 * With one thread nothing is pooled: each directory is parsed on the calling thread.
 */
final class InOrderParsing implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final EntrySink sink;
    private final ExecutorService pool;
    private final int inFlightLimit;
    private final ArrayDeque<Future<List<Object>>> inFlight = new ArrayDeque<>();

    /** @param threadFactory makes the workers; null: plain daemon threads named {@code winget-parse-<pool>-<n>} */
    InOrderParsing(EntrySink sink, int threads, ThreadFactory threadFactory) {
        this.sink = sink;
        this.inFlightLimit = 4 * threads;
        if (threads <= 1) {
            this.pool = null;
        } else {
            this.pool = Executors.newFixedThreadPool(threads, threadFactory != null ? threadFactory : daemonThreads());
        }
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger worker = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "winget-parse-" + pool + "-" + worker.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Parses {@code directory} (now, or on a worker) and delivers its results after those submitted before. */
    void submit(ManifestDirectory directory) throws CatalogReadException {
        submit(() -> directory.read(sink));
    }

    /** Delivers a problem the walk found, in its place among the directories. */
    void problem(EntryProblem problem) throws CatalogReadException {
        submit(() -> List.of(problem));
    }

    private void submit(Callable<List<Object>> task) throws CatalogReadException {
        if (pool == null) {
            try {
                deliver(task.call());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e); // the tasks throw no checked exception
            }
            return;
        }
        while (inFlight.size() >= inFlightLimit) {
            deliverHead();
        }
        inFlight.add(pool.submit(task));
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            deliverHead();
        }
    }

    /** Delivers everything still in flight; call once the walk is done. */
    void finish() throws CatalogReadException {
        while (!inFlight.isEmpty()) {
            deliverHead();
        }
    }

    private void deliverHead() throws CatalogReadException {
        Future<List<Object>> head = inFlight.poll();
        List<Object> results;
        try {
            results = head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogReadException("reading interrupted", e);
        } catch (ExecutionException e) {
            // A sink that stops reading throws from unchanged() on a worker: rethrow it as it was.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        deliver(results);
    }

    private void deliver(List<Object> results) {
        for (Object result : results) {
            if (result instanceof Parsed parsed) {
                if (parsed.rawDigest() == null) {
                    sink.entry(parsed.entry());
                } else {
                    sink.entry(parsed.entry(), parsed.rawDigest());
                }
            } else {
                sink.problem((EntryProblem) result);
            }
        }
    }

    /** Stops the workers, also when reading failed half-way; waits for them so none outlives the read. */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        inFlight.forEach(f -> f.cancel(true));
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
