package dev.ariadne.server.pipeline;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Where a receiver's listener binds and what it accepts. With a configuration file, the file decides;
 * the all-in-one role without one keeps its flags deciding, as before pipelines existed.
 */
@FunctionalInterface
public interface ReceiverEndpoints {

  /**
   * @param address where to listen
   * @param maxRequestBytes the largest request (gRPC message, HTTP body, compressed or not)
   * @param corsAllowedOrigins browsers' origins allowed on an HTTP listener; empty for none
   */
  record Listen(InetSocketAddress address, int maxRequestBytes, List<String> corsAllowedOrigins) {}

  /** The listener for {@code protocol}, given what the file says about it. */
  Listen listen(ReceiverProtocol protocol, Listen configured);

  /** The file decides everything. */
  static ReceiverEndpoints asConfigured() {
    return (protocol, configured) -> configured;
  }
}
