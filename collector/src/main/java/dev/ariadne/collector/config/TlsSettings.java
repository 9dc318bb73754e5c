package dev.ariadne.collector.config;

/**
 * The Collector's {@code tls} block (configtls), client and server side in one record: a client reads
 * {@code insecure}, {@code insecure_skip_verify} and {@code server_name_override}, a server
 * {@code client_ca_file}. Files are paths; empty means unset.
 */
public record TlsSettings(
    boolean insecure,
    boolean insecureSkipVerify,
    String caFile,
    String certFile,
    String keyFile,
    String clientCaFile,
    String serverNameOverride,
    String minVersion,
    String maxVersion) {

  /** No {@code tls} block: TLS with the system's roots, as the Collector's default client. */
  public static final TlsSettings DEFAULT = new TlsSettings(false, false, "", "", "", "", "", "1.2", "");

  public static TlsSettings parse(ConfigNode node) {
    if (!node.isPresent()) return DEFAULT;
    TlsSettings tls = new TlsSettings(
        node.bool("insecure", false),
        node.bool("insecure_skip_verify", false),
        node.string("ca_file", ""),
        node.string("cert_file", ""),
        node.string("key_file", ""),
        node.string("client_ca_file", ""),
        node.string("server_name_override", ""),
        node.oneOf("min_version", "1.2", "1.0", "1.1", "1.3"),
        node.string("max_version", ""));
    if (tls.certFile.isEmpty() != tls.keyFile.isEmpty()) {
      throw node.error("cert_file and key_file are set together or not at all");
    }
    return tls;
  }
}
