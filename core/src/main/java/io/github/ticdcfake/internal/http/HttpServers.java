package io.github.ticdcfake.internal.http;

import io.github.ticdcfake.cluster.FakeCluster;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.SslClientAuthMode;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The HTTP runtime of one fake server: one XNIO worker and buffer pool shared by all its capture
 * listeners, so a server costs a handful of threads however many captures it has.
 */
public final class HttpServers implements AutoCloseable {
  private static final AtomicInteger SERVER_NUMBERS = new AtomicInteger();

  private final XnioWorker worker;
  private final ByteBufferPool buffers;
  private final long maxBodyBytes;
  private ServerContext context;
  private Router router;

  /** A listener bound for one capture; it accepts connections once it {@link #serve}s. */
  public final class Listener implements AutoCloseable {
    private final AcceptingChannel<StreamConnection> channel;
    private final HttpOpenListener openListener;
    private final InetSocketAddress address;
    private volatile String captureId;

    private Listener(
        AcceptingChannel<StreamConnection> channel,
        HttpOpenListener openListener,
        InetSocketAddress address) {
      this.channel = channel;
      this.openListener = openListener;
      this.address = address;
    }

    /** The bound address (the real port when 0 was asked for). */
    public InetSocketAddress address() {
      return address;
    }

    /**
     * Starts answering for {@code captureId} of the cluster given to {@link #attach}: until then
     * connections wait in the socket's backlog.
     */
    public void serve(String captureId) {
      if (context == null) {
        throw new IllegalStateException("attach the cluster before serving a capture");
      }
      this.captureId = captureId;
      openListener.setRootHandler(new ApiHandler(context, captureId, router, maxBodyBytes));
      channel.resumeAccepts();
    }

    /** Stops listening and drops open connections; the port stops answering. */
    @Override
    public void close() {
      IoUtils.safeClose(channel);
      openListener.closeConnections();
      if (captureId != null && context != null) {
        context.held().dropCapture(captureId);
      }
    }
  }

  /** Creates the runtime: one I/O thread per core (at most 2), daemon threads. */
  public HttpServers(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    int io = Math.min(2, Runtime.getRuntime().availableProcessors());
    try {
      worker =
          Xnio.getInstance(Undertow.class.getClassLoader())
              .createWorker(
                  OptionMap.builder()
                      .set(Options.WORKER_IO_THREADS, io)
                      .set(Options.WORKER_TASK_CORE_THREADS, 1)
                      .set(Options.WORKER_TASK_MAX_THREADS, 4)
                      .set(Options.THREAD_DAEMON, true)
                      .set(Options.WORKER_NAME, "ticdc-fake-" + SERVER_NUMBERS.incrementAndGet())
                      .getMap());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buffers = new DefaultByteBufferPool(true, 16 * 1024, 64, 4);
  }

  /**
   * Binds a listener that accepts nothing until {@link Listener#serve(String)}. Binds through XNIO
   * directly rather than {@code Undertow.start()}, which logs at INFO on every start and stop.
   */
  public Listener bind(String host, int port) {
    return bind(host, port, null, false);
  }

  /**
   * Binds a listener that speaks HTTPS only when {@code ssl} is given (TiCDC with {@code security}
   * paths set, pingcap/tiflow pkg/security/credential.go), asking for client certificates when
   * {@code requireClientCert}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Listener bind(String host, int port, SSLContext ssl, boolean requireClientCert) {
    HttpOpenListener openListener =
        new HttpOpenListener(
            buffers,
            OptionMap.builder()
                .set(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                // Go's rules, not Undertow's: bad escapes in a query are dropped, not refused.
                .set(UndertowOptions.DECODE_URL, false)
                .set(UndertowOptions.MAX_ENTITY_SIZE, maxBodyBytes)
                .getMap());
    try {
      OptionMap socketOptions =
          OptionMap.builder()
              .set(Options.TCP_NODELAY, true)
              .set(Options.REUSE_ADDRESSES, true)
              .set(
                  Options.SSL_CLIENT_AUTH_MODE,
                  requireClientCert ? SslClientAuthMode.REQUIRED : SslClientAuthMode.NOT_REQUESTED)
              .getMap();
      AcceptingChannel<StreamConnection> channel;
      if (ssl == null) {
        channel =
            worker.createStreamConnectionServer(
                new InetSocketAddress(host, port),
                ChannelListeners.openListenerAdapter(openListener),
                socketOptions);
      } else {
        UndertowXnioSsl xnioSsl = new UndertowXnioSsl(worker.getXnio(), OptionMap.EMPTY, ssl);
        channel =
            (AcceptingChannel)
                xnioSsl.createSslConnectionServer(
                    worker,
                    new InetSocketAddress(host, port),
                    (ChannelListener) ChannelListeners.openListenerAdapter(openListener),
                    socketOptions);
      }
      return new Listener(channel, openListener, channel.getLocalAddress(InetSocketAddress.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
    }
  }

  /** Connects the listeners to the cluster they serve. */
  public void attach(FakeCluster cluster) {
    attach(cluster, true, null);
  }

  /**
   * Connects the listeners to the cluster they serve, with the {@code /__fake} admin API on or off
   * and, when {@code adminToken} is not null, requiring {@code Authorization: Bearer <token>}.
   */
  public void attach(FakeCluster cluster, boolean adminEnabled, String adminToken) {
    this.context = new ServerContext(cluster, new HeldExchanges(), adminEnabled, adminToken);
    this.router = Router.of(context.surface());
  }

  /**
   * Turns on TiCDC's client authentication for the {@code allowed} users, whose passwords are
   * checked against the upstream TiDB's {@code upstreamUsers}.
   */
  public void requireClientUsers(
      java.util.Set<String> allowed, java.util.Map<String, String> upstreamUsers) {
    context.requireClientUsers(allowed, upstreamUsers);
  }

  /** Stops the worker threads; listeners must be closed first. */
  @Override
  public void close() {
    if (context != null) {
      context.held().closeAll(); // stalled and delayed answers: released at once
    }
    worker.shutdown();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.shutdownNow();
    }
    buffers.close();
  }
}
