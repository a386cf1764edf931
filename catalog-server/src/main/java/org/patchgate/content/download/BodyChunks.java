package org.patchgate.content.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A response body read chunk by chunk with a timeout on every wait. The JDK's
 * {@code BodyHandlers.ofInputStream()} blocks forever on a stalled server (HttpRequest.timeout covers
 * only the headers), so the body is taken as a reactive stream and polled instead. One list of buffers
 * is requested at a time, which keeps memory bounded and lets TCP flow control slow the server down.
 */
final class BodyChunks implements HttpResponse.BodySubscriber<BodyChunks> {

    private static final Object END = new Object();

    private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;
    private Iterator<ByteBuffer> current;
    private boolean finished;

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        signals.add(buffers);
    }

    @Override
    public void onError(Throwable failure) {
        signals.add(failure);
    }

    @Override
    public void onComplete() {
        signals.add(END);
    }

    @Override
    public CompletionStage<BodyChunks> getBody() {
        // Complete at once: the caller gets the response as soon as the headers are in.
        return CompletableFuture.completedFuture(this);
    }

    /**
     * The next non-empty chunk, or {@code null} at the end of the body.
     *
     * @throws TimeoutException if nothing arrives within {@code wait}
     * @throws IOException if the connection failed (for example closed before Content-Length)
     */
    @SuppressWarnings("unchecked")
    ByteBuffer next(Duration wait) throws IOException, TimeoutException {
        while (true) {
            if (current != null) {
                while (current.hasNext()) {
                    ByteBuffer buffer = current.next();
                    if (buffer.hasRemaining()) {
                        return buffer;
                    }
                }
                current = null;
                subscription.request(1);
            }
            if (finished) {
                return null;
            }
            Object signal;
            try {
                signal = signals.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for response data");
            }
            if (signal == null) {
                throw new TimeoutException();
            }
            if (signal == END) {
                finished = true;
                return null;
            }
            if (signal instanceof Throwable failure) {
                finished = true;
                throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
            }
            current = ((List<ByteBuffer>) signal).iterator();
        }
    }

    /** Stops the body; the client closes the connection. Safe to call at any time, more than once. */
    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
