package dev.ariadne.server.listener;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import java.net.InetSocketAddress;
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
        .http(address(endpoint))
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

  /**
   * {@code host:port}, {@code :port} (every interface) or {@code [v6]:port}, as the Collector writes
   * endpoints; an unusable one is an error naming it.
   */
  public static InetSocketAddress address(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    if (colon < 0) throw new IllegalArgumentException("endpoint " + endpoint + ": expected host:port");
    String host = endpoint.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    int port;
    try {
      port = Integer.parseInt(endpoint.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("endpoint " + endpoint + ": port is not a number");
    }
    if (port < 0 || port > 65535) throw new IllegalArgumentException("endpoint " + endpoint + ": port out of range");
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }
}
