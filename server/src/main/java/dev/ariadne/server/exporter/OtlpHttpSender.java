package dev.ariadne.server.exporter;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.WebClientBuilder;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import dev.ariadne.codec.otlp.OtlpJsonEncoder;
import dev.ariadne.codec.otlp.OtlpProtoEncoder;
import dev.ariadne.collector.config.exporter.OtlpHttpExporterConfig;
import dev.ariadne.model.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.zip.GZIPOutputStream;

/**
 * The {@code otlphttp} exporter's sender: POST of an ExportTraceServiceRequest (protobuf or JSON, gzip
 * unless {@code compression: none}) to the traces URL. As the OTLP spec says, 429, 502, 503 and 504 are
 * retried; any other error status is permanent.
 */
final class OtlpHttpSender implements Sender {
  private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
  private static final MediaType PROTOBUF = MediaType.parse("application/x-protobuf");

  private final ClientConnection connection;
  private final WebClient client;
  private final OtlpHttpExporterConfig config;
  private final boolean gzip;

  OtlpHttpSender(String path, OtlpHttpExporterConfig config) {
    this.config = config;
    String compression = config.settings().compression();
    if (!(compression.equals("gzip") || compression.equals("none") || compression.isEmpty())) {
      throw new IllegalArgumentException(path + ".compression: " + compression + " is not supported here; use gzip or none");
    }
    this.gzip = compression.equals("gzip");
    this.connection = new ClientConnection(path, config.tracesUrl(), config.settings().tls());
    WebClientBuilder builder = WebClient.builder().factory(connection.factory())
        .responseTimeout(config.settings().timeout());
    config.settings().headers().forEach(builder::addHeader);
    this.client = builder.build();
  }

  @Override
  public void send(List<Span> spans) throws SendFailure {
    boolean json = config.encoding().equals("json");
    byte[] body = json ? OtlpJsonEncoder.encode(spans) : OtlpProtoEncoder.encode(spans).toByteArray();
    RequestHeadersBuilder headers = RequestHeaders.builder(HttpMethod.POST, connection.uri().toString())
        .contentType(json ? MediaType.JSON : PROTOBUF);
    if (gzip) {
      headers.add(HttpHeaderNames.CONTENT_ENCODING, "gzip");
      body = gzipped(body);
    }
    AggregatedHttpResponse response;
    try {
      response = client.execute(HttpRequest.of(headers.build(), com.linecorp.armeria.common.HttpData.wrap(body)))
          .aggregate().join();
    } catch (CompletionException e) {
      throw new SendFailure(connection.uri() + ": " + SendFailure.describe(e.getCause()), false, e.getCause());
    }
    HttpStatus status = response.status();
    if (status.isSuccess()) return;
    throw new SendFailure(connection.uri() + ": HTTP " + status.code() + " " + response.contentUtf8(),
        !RETRYABLE.contains(status.code()), null);
  }

  private static byte[] gzipped(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    connection.close();
  }
}
