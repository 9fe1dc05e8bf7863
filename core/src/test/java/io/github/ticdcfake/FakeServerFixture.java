package io.github.ticdcfake;

import io.github.ticdcfake.cluster.Capture;
import io.github.ticdcfake.cluster.FakeCluster;
import io.github.ticdcfake.cluster.PdClock;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one server fixture of core's tests: starts a {@link FakeTiCdcServer}, hands out its cluster
 * and {@link TestHttp} clients, and closes it.
 *
 * <p>Register it with {@code @RegisterExtension}. On a {@code static} field one server serves the
 * whole class and is {@linkplain FakeTiCdcServer#reset() reset} before each test, so every test
 * starts from the post-start state. On an instance field every test gets a server of its own,
 * closed after it: for tests that kill captures or close the server. Either way the server starts
 * when the fixture is first used, so test fields may read {@code fake.cluster()}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeServerFixture fake =
 *     FakeServerFixture.builder().captures(3).manualClock(START).build();
 * private final TestHttp owner = fake.http();
 * private final TestHttp follower = fake.http(fake.captures().get(1).id());
 * }</pre>
 *
 * <p>Options the builder does not name (TLS, client users, a sink probe, body limits) go through
 * {@link Builder#server}. Tests about the server's own builder or lifecycle start servers
 * themselves.
 */
public final class FakeServerFixture
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private final Builder settings;
  private boolean sharedByClass;
  private FakeTiCdcServer server;
  private List<Capture> captures;
  private Map<String, URI> startedUrls;
  private URI ownerUrl;

  private FakeServerFixture(Builder settings) {
    this.settings = settings;
  }

  /** A builder with {@link FakeTiCdcServer#builder()}'s defaults and pooled HTTP clients. */
  public static Builder builder() {
    return new Builder();
  }

  /** The server, started on first use. */
  public synchronized FakeTiCdcServer server() {
    if (server == null) {
      FakeTiCdcServer.Builder builder = FakeTiCdcServer.builder();
      if (settings.captures != null) {
        builder.captures(settings.captures);
      }
      if (settings.version != null) {
        builder.version(settings.version);
      }
      if (settings.manualClockStart != null) {
        builder.clock(PdClock.manual(settings.manualClockStart)); // a fresh clock per server
      }
      if (settings.seed != null) {
        builder.seed(settings.seed);
      }
      settings.options.accept(builder);
      server = builder.start();
      captures = server.cluster().captures();
      startedUrls = new HashMap<>();
      for (Capture capture : captures) {
        startedUrls.put(capture.id(), server.url(capture.id()));
      }
      ownerUrl = server.url();
    }
    return server;
  }

  /** The server's cluster. */
  public FakeCluster cluster() {
    return server().cluster();
  }

  /**
   * The captures as the server started them, in join order; their ids and ports survive {@link
   * FakeTiCdcServer#reset()}.
   */
  public List<Capture> captures() {
    server();
    return captures;
  }

  /** A client for the capture that owned the cluster when the server started. */
  public TestHttp http() {
    server();
    return client(ownerUrl);
  }

  /**
   * A client for one capture's port. A capture the server started with keeps its port across
   * resets, so this may be called from a field initializer even after an earlier test killed it.
   */
  public TestHttp http(String captureId) {
    FakeTiCdcServer started = server();
    URI url = startedUrls.get(captureId);
    return client(url != null ? url : started.url(captureId));
  }

  private TestHttp client(URI url) {
    return settings.freshConnections ? TestHttp.freshConnections(url) : TestHttp.pooled(url);
  }

  // ---- JUnit callbacks: only a static field sees beforeAll/afterAll ---------------------------

  @Override
  public void beforeAll(ExtensionContext context) {
    sharedByClass = true;
    server();
  }

  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    if (sharedByClass && server != null) {
      server.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!sharedByClass) {
      close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** The fixture's options; anything else goes through {@link #server}. */
  public static final class Builder {
    private Integer captures;
    private TiCdcVersion version;
    private Instant manualClockStart;
    private Long seed;
    private boolean freshConnections;
    private Consumer<FakeTiCdcServer.Builder> options = b -> {};

    private Builder() {}

    /** How many captures the cluster starts with. */
    public Builder captures(int captures) {
      this.captures = captures;
      return this;
    }

    /** Which TiCDC the server answers as. */
    public Builder version(TiCdcVersion version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /** A manual PD clock standing at {@code start}; each server gets its own. */
    public Builder manualClock(Instant start) {
      this.manualClockStart = Objects.requireNonNull(start, "start");
      return this;
    }

    /** The seed of the cluster's generated ids. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Makes {@link FakeServerFixture#http()} clients open a new connection per request. */
    public Builder freshConnections() {
      this.freshConnections = true;
      return this;
    }

    /** Any other server option, applied after the ones above. */
    public Builder server(Consumer<FakeTiCdcServer.Builder> options) {
      this.options = this.options.andThen(Objects.requireNonNull(options, "options"));
      return this;
    }

    public FakeServerFixture build() {
      Builder copy = new Builder();
      copy.captures = captures;
      copy.version = version;
      copy.manualClockStart = manualClockStart;
      copy.seed = seed;
      copy.freshConnections = freshConnections;
      copy.options = options;
      return new FakeServerFixture(copy);
    }
  }
}
