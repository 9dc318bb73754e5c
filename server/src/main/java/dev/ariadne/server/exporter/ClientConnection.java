package dev.ariadne.server.exporter;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.ClientFactoryBuilder;
import dev.ariadne.collector.config.TlsSettings;
import java.io.File;
import java.net.URI;

/**
 * How an exporter reaches its endpoint, as the Collector's client settings say: an endpoint with a
 * scheme keeps it; a bare {@code host:port} is plaintext when {@code tls.insecure} is set and TLS
 * otherwise. The client factory carries the TLS settings (CA, client certificate, skipping verification).
 */
final class ClientConnection implements AutoCloseable {
  private final URI uri;
  private final ClientFactory factory;

  ClientConnection(String path, String endpoint, TlsSettings tls) {
    String withScheme = endpoint.contains("://") ? endpoint : (tls.insecure() ? "http://" : "https://") + endpoint;
    try {
      this.uri = URI.create(withScheme);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ".endpoint: \"" + endpoint + "\" is not host:port or a URL", e);
    }
    if (uri.getHost() == null) throw new IllegalArgumentException(path + ".endpoint: \"" + endpoint + "\" names no host");
    ClientFactoryBuilder builder = ClientFactory.builder();
    if (tls.insecureSkipVerify()) builder.tlsNoVerify();
    if (!tls.caFile().isEmpty() || !tls.certFile().isEmpty()) {
      builder.tlsCustomizer(ssl -> {
        if (!tls.caFile().isEmpty()) ssl.trustManager(new File(tls.caFile()));
        if (!tls.certFile().isEmpty()) ssl.keyManager(new File(tls.certFile()), new File(tls.keyFile()));
      });
    }
    this.factory = builder.build();
  }

  /** The endpoint with its scheme, e.g. {@code http://collector:4317}. */
  URI uri() {
    return uri;
  }

  ClientFactory factory() {
    return factory;
  }

  @Override
  public void close() {
    factory.close();
  }
}
