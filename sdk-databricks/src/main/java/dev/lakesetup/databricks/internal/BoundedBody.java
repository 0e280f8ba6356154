package dev.lakesetup.databricks.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory, but never more than a limit: when the declared {@code Content-Length} or the
 * bytes received pass the limit, it stops reading (cancelling the subscription closes the connection) and fails
 * with {@link TooLarge}. {@link #abort()} stops a body that is still arriving, for a request past its deadline.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final long declared;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private long received;

    /**
     * Creates the subscriber for one body.
     *
     * @param limit the most bytes to accept
     * @param declared the {@code Content-Length} of the answer, or -1 when it has none
     */
    BoundedBody(long limit, long declared) {
        this.limit = limit;
        this.declared = declared;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (declared > limit) {
            s.cancel();
            result.completeExceptionally(new TooLarge(limit));
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
            if (received > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(limit));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Stops reading a body that is still arriving; the connection is closed. */
    void abort() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(new IOException("the answer was abandoned"));
    }

    /**
     * Wraps a streamed body so that reading fails with {@link TooLarge} once it passes the limit.
     *
     * @param in the body
     * @param limit the most bytes to accept
     * @return the bounded stream
     */
    static InputStream bounded(InputStream in, long limit) {
        return new InputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws TooLarge {
                read += n;
                if (read > limit) {
                    throw new TooLarge(limit);
                }
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** An answer longer than the limit; not a transient failure, so it is never retried. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        TooLarge(long limit) {
            super("the answer is longer than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }
}
