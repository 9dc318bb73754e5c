package dev.ariadne.server.pipeline;

import java.net.InetSocketAddress;

/** A Collector endpoint a server listens on: {@code host:port}, {@code :port} (every address), {@code [::1]:port}. */
public final class ListenAddress {
  private ListenAddress() {}

  /** @throws IllegalArgumentException naming the endpoint when it is not host:port with a port in 0..65535 */
  public static InetSocketAddress parse(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    if (colon < 0) throw new IllegalArgumentException("endpoint \"" + endpoint + "\" must be host:port");
    String host = endpoint.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    int port;
    try {
      port = Integer.parseInt(endpoint.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("endpoint \"" + endpoint + "\": the port must be a number");
    }
    if (port < 0 || port > 65_535) throw new IllegalArgumentException("endpoint \"" + endpoint + "\": port out of range");
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }
}
