package dev.lakesetup.azure.internal;

import com.azure.core.http.HttpClient;
import com.azure.core.http.ProxyOptions;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import reactor.netty.resources.ConnectionProvider;

/**
 * An Azure HTTP client with its own event loop threads (named {@code lakesetup-azure-io-N}, daemon) and connection
 * pool, instead of the process-wide ones the default client shares, so that closing releases them.
 */
public final class OwnedHttpClient implements AutoCloseable {

    /** The prefix of the I/O threads' names. */
    public static final String THREAD_PREFIX = "lakesetup-azure-io";

    private static final int THREADS = 2;
    private static final int MAX_CONNECTIONS = 50;

    private final EventLoopGroup loops;
    private final ConnectionProvider pool;
    private final HttpClient client;

    /**
     * Creates the client and its threads.
     *
     * @param proxy the proxy every request goes through, or {@code null} for direct connections
     */
    public OwnedHttpClient(ProxyOptions proxy) {
        this.loops = new MultiThreadIoEventLoopGroup(THREADS, new DefaultThreadFactory(THREAD_PREFIX, true),
                NioIoHandler.newFactory());
        this.pool = ConnectionProvider.create(THREAD_PREFIX, MAX_CONNECTIONS);
        NettyAsyncHttpClientBuilder builder = new NettyAsyncHttpClientBuilder().eventLoopGroup(loops)
                .connectionProvider(pool);
        this.client = (proxy == null ? builder : builder.proxy(proxy)).build();
    }

    /** Returns the HTTP client. */
    public HttpClient client() {
        return client;
    }

    /** Closes the pooled connections and stops the threads, waiting up to two seconds for them to end. */
    @Override
    public void close() {
        pool.dispose();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
