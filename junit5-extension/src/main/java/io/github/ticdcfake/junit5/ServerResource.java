package io.github.ticdcfake.junit5;

import io.github.ticdcfake.FakeTiCdcServer;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fake (or the real target) one registration serves to one class or one test, held in the JUnit
 * store so JUnit closes it when that class or test ends.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those
final class ServerResource implements AutoCloseable, ExtensionContext.Store.CloseableResource {
  private final TiCdcExtension owner;
  private final String scopeId;
  private final String scope;
  private final Settings settings;
  private final Optional<FakeTiCdcServer> server;
  private final Optional<URI> target;
  private final Optional<String> previousProperty;
  private boolean closed;

  private ServerResource(
      TiCdcExtension owner,
      ExtensionContext scope,
      Settings settings,
      Optional<FakeTiCdcServer> server,
      Optional<URI> target) {
    this.owner = owner;
    this.scopeId = scope.getUniqueId();
    this.scope = (scope.getTestMethod().isPresent() ? "test " : "class ") + scope.getDisplayName();
    this.settings = settings;
    this.server = server;
    this.target = target;
    this.previousProperty =
        settings.urlProperty().isEmpty()
            ? Optional.empty()
            : Optional.ofNullable(System.getProperty(settings.urlProperty()));
    publishUrl();
  }

  /** Starts a fake for the class or test of {@code scope}. */
  static ServerResource fake(TiCdcExtension owner, ExtensionContext scope, Settings settings) {
    return new ServerResource(
        owner, scope, settings, Optional.of(settings.start()), Optional.empty());
  }

  /** Points at a real TiCDC instead of starting a fake. */
  static ServerResource real(
      TiCdcExtension owner, ExtensionContext scope, Settings settings, URI target) {
    return new ServerResource(owner, scope, settings, Optional.empty(), Optional.of(target));
  }

  TiCdcExtension owner() {
    return owner;
  }

  /** The class or test this resource serves, for messages. */
  String scope() {
    return scope;
  }

  Settings settings() {
    return settings;
  }

  /** Whether this resource was created for exactly the class or test of {@code context}. */
  boolean belongsTo(ExtensionContext context) {
    return scopeId.equals(context.getUniqueId());
  }

  /** The fake, empty in real-cluster mode. */
  Optional<FakeTiCdcServer> server() {
    return server;
  }

  /** The real TiCDC's URL in real-cluster mode. */
  Optional<URI> target() {
    return target;
  }

  /** The current owner's base URL (or the real target's). */
  URI url() {
    return server.map(FakeTiCdcServer::url).orElseGet(target::orElseThrow);
  }

  /** Prepares the shared cluster for the next test: reset (unless opted out), republish the URL. */
  void beforeTest() {
    if (settings.resetBeforeEach()) {
      server.ifPresent(FakeTiCdcServer::reset);
    }
    publishUrl();
  }

  private void publishUrl() {
    if (!settings.urlProperty().isEmpty()) {
      System.setProperty(settings.urlProperty(), url().toString());
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      server.ifPresent(FakeTiCdcServer::close);
    } finally {
      if (!settings.urlProperty().isEmpty()) {
        previousProperty.ifPresentOrElse(
            value -> System.setProperty(settings.urlProperty(), value),
            () -> System.clearProperty(settings.urlProperty()));
      }
    }
  }
}
