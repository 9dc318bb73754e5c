package dev.ariadne.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import zipkin2.Span;
import zipkin2.reporter.BytesEncoder;
import zipkin2.reporter.Encoding;
import zipkin2.reporter.SpanBytesEncoder;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/** Zipkin's own HTTP sender (zipkin-sender-urlconnection), sending spans to a server on loopback. */
final class ZipkinSender {
  private ZipkinSender() {}

  static URLConnectionSender sender(int port, String path, Encoding encoding, boolean gzip) {
    return URLConnectionSender.newBuilder()
        .endpoint("http://127.0.0.1:" + port + path)
        .encoding(encoding)
        .compressionEnabled(gzip)
        .build();
  }

  /** Sends one message of spans as v2 JSON to /api/v2/spans; throws if the server did not accept it. */
  static void sendJsonV2(int port, List<Span> spans) throws IOException {
    send(sender(port, "/api/v2/spans", Encoding.JSON, false), SpanBytesEncoder.JSON_V2, spans);
  }

  static void send(URLConnectionSender sender, BytesEncoder<Span> encoder, List<Span> spans) throws IOException {
    List<byte[]> encoded = new ArrayList<>(spans.size());
    for (Span span : spans) encoded.add(encoder.encode(span));
    try (sender) {
      sender.send(encoded);
    }
  }
}
