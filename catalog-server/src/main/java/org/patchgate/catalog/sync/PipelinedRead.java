package org.patchgate.catalog.sync;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.patchgate.catalog.format.CatalogAdapter;
import org.patchgate.catalog.format.CatalogReadException;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;
import org.patchgate.catalog.model.CatalogEntry;

/**
 * Runs the adapter on another thread and hands what it reads to the sink on the calling thread
 * through a bounded queue, so that parsing (winget: YAML, most of a sync's CPU) overlaps with the
 * database working on the previous batch. At most {@code capacity} entries are in flight, so memory
 * stays bounded; the adapter blocks when the writer falls behind.
 *
 * <p>{@link EntrySink#unchanged}, which adapters may call from several threads, is answered at once
 * from the target's read-only {@link DigestIndex} ({@link CatalogDiff#knownUnchanged}); a skip is then
 * queued like an entry, so the target records it on the calling thread.
 *
 * <p>If the sink fails (a database error), reading is stopped: the adapter's next sink call throws,
 * and this method waits for the adapter thread to end before it returns, so no reader outlives its sync.
 */
final class PipelinedRead {

    /** Queue items besides entries and problems. */
    private record Expect(int total) {
    }

    private record End(Throwable failure) {
    }

    /** An entry with the digest of its raw files. */
    private record Digested(CatalogEntry entry, String rawDigest) {
    }

    /** The adapter skipped the entry at this path as unchanged (the index said so on the adapter's thread). */
    private record Skipped(String sourcePath) {
    }

    /** Thrown into the adapter when the writing side gave up. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("sync stopped", null, false, false);
        }
    }

    private PipelinedRead() {
    }

    static void run(CatalogAdapter adapter, Path location, CatalogDiff target, Executor executor, int capacity)
            throws CatalogReadException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(capacity);
        QueueSink producer = new QueueSink(queue, target);
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            Throwable failure = null;
            try {
                adapter.read(location, producer);
            } catch (Stopped e) {
                return;
            } catch (CatalogReadException | RuntimeException | Error e) {
                failure = e;
            }
            producer.put(new End(failure));
        }, executor);
        try {
            while (true) {
                Object item = queue.take();
                if (item instanceof CatalogEntry entry) {
                    target.entry(entry);
                } else if (item instanceof Digested digested) {
                    target.entry(digested.entry(), digested.rawDigest());
                } else if (item instanceof Skipped skipped) {
                    target.skipped(skipped.sourcePath());
                } else if (item instanceof EntryProblem problem) {
                    target.problem(problem);
                } else if (item instanceof Expect expect) {
                    target.expect(expect.total());
                } else if (item instanceof End end) {
                    rethrow(end.failure());
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogReadException("sync interrupted", e);
        } finally {
            producer.stopped = true;
            queue.clear(); // unblocks an adapter waiting to put
            awaitQuietly(reading, queue);
        }
    }

    private static void rethrow(Throwable failure) throws CatalogReadException {
        if (failure == null) {
            return;
        }
        if (failure instanceof CatalogReadException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }

    private static void awaitQuietly(CompletableFuture<Void> reading, BlockingQueue<Object> queue) {
        boolean interrupted = false;
        while (!reading.isDone()) {
            queue.clear();
            try {
                reading.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // the reader's own failure was already delivered or is irrelevant once stopped
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The sink the adapter sees: puts everything on the queue. */
    private static final class QueueSink implements EntrySink {
        private final BlockingQueue<Object> queue;
        private final CatalogDiff target;
        volatile boolean stopped;

        QueueSink(BlockingQueue<Object> queue, CatalogDiff target) {
            this.queue = queue;
            this.target = target;
        }

        @Override
        public void expect(int total) {
            put(new Expect(total));
        }

        @Override
        public void entry(CatalogEntry entry) {
            put(entry);
        }

        @Override
        public void entry(CatalogEntry entry, String rawDigest) {
            put(rawDigest == null ? entry : new Digested(entry, rawDigest));
        }

        @Override
        public void problem(EntryProblem problem) {
            put(problem);
        }

        /** Thread-safe: reads the index only; {@link #put} is safe from any thread. */
        @Override
        public boolean unchanged(String sourcePath, String rawDigest) {
            if (!target.knownUnchanged(sourcePath, rawDigest)) {
                return false;
            }
            put(new Skipped(sourcePath));
            return true;
        }

        void put(Object item) {
            try {
                while (!stopped) {
                    if (queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new Stopped();
        }
    }
}
