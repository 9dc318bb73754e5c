package dev.ariadne.server.listener;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import dev.ariadne.server.pipeline.ListenAddress;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One Armeria listener on a Collector-style {@code host:port} endpoint, for the components that own
 * their port (remote sampling's HTTP side, the span metrics exporter, the extensions). Shuts down as
 * the all-in-one's listeners do: stop accepting at once, give requests in flight ten seconds.
 */
public final class HttpListener implements AutoCloseable {
  private final Server server;

  /** Binds {@code endpoint} and serves what {@code routes} adds; returns once the port is bound. */
  public HttpListener(String endpoint, Consumer<ServerBuilder> routes) {
    ServerBuilder builder = Server.builder()
        .http(ListenAddress.parse(endpoint))
        .gracefulShutdownTimeout(Duration.ZERO, Duration.ofSeconds(10));
    routes.accept(builder);
    this.server = builder.build();
    server.start().join();
  }

  /** The bound port (the one asked for, or the one the system chose for port 0). */
  public int port() {
    return server.activeLocalPort();
  }

  @Override
  public void close() {
    server.stop().join();
  }
}
