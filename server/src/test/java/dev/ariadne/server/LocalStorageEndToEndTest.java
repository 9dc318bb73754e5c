package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ariadne.store.local.LocalSpanStore;
import dev.ariadne.store.local.LocalStoreConfig;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable store behind the real server: the OpenTelemetry SDK's traces are served from the head, then
 * from blocks once cut, and again by a new server on the same data directory.
 */
class LocalStorageEndToEndTest {
  @TempDir Path data;

  private AllInOneConfig config() {
    return AllInOneConfig.ephemeral().toBuilder()
        .storage(AllInOneConfig.Storage.LOCAL)
        .local(LocalStoreConfig.defaults(data).toBuilder()
            .traceIdlePeriod(Duration.ofMillis(100)).maxBlockDuration(Duration.ofMillis(200))
            .flushCheckPeriod(Duration.ofMillis(50)).build())
        .build();
  }

  /** A frontend span calling a checkout span, exported by two SDK tracer providers; returns the trace id. */
  private static String sendTrace(int otlpGrpcPort, String route) {
    SdkTracerProvider frontend = provider("frontend", otlpGrpcPort);
    SdkTracerProvider checkout = provider("checkout", otlpGrpcPort);
    Span root = frontend.get("e2e").spanBuilder("GET " + route).setSpanKind(SpanKind.SERVER)
        .setAttribute("http.route", route).startSpan();
    Span child = checkout.get("e2e").spanBuilder("charge").setParent(Context.root().with(root))
        .setSpanKind(SpanKind.SERVER).setAttribute("payment.amount", 42L).startSpan();
    child.end();
    root.end();
    frontend.shutdown().join(10, TimeUnit.SECONDS);
    checkout.shutdown().join(10, TimeUnit.SECONDS);
    return root.getSpanContext().getTraceId();
  }

  private static SdkTracerProvider provider(String service, int port) {
    return SdkTracerProvider.builder()
        .setResource(Resource.create(Attributes.builder().put("service.name", service).build()))
        .addSpanProcessor(SimpleSpanProcessor.create(
            OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + port).build()))
        .build();
  }

  private static List<String> operations(HttpTestClient query, String traceId) throws Exception {
    JsonNode trace = query.get("/api/traces/" + traceId).json().path("data").path(0);
    List<String> names = new ArrayList<>();
    for (JsonNode span : trace.path("spans")) names.add(span.path("operationName").asText());
    return names.stream().sorted().toList();
  }

  @Test
  void sdkTracesSurviveCutsAndRestarts() throws Exception {
    String first;
    String second;
    try (AllInOne server = new AllInOne(config()).start()) {
      LocalSpanStore store = (LocalSpanStore) server.store();
      HttpTestClient query = new HttpTestClient(server.queryPort());
      first = sendTrace(server.otlpGrpcPort(), "/cart");
      assertEquals(List.of("GET /cart", "charge"), operations(query, first), "served from the head");
      // Waits for the flusher to cut the idle trace (a condition, not a time).
      while (store.blocks().isEmpty() || store.headTraces() > 0) Thread.sleep(20);
      assertEquals(List.of("GET /cart", "charge"), operations(query, first), "served from a block");
      second = sendTrace(server.otlpGrpcPort(), "/pay");
    }
    try (AllInOne restarted = new AllInOne(config()).start()) {
      HttpTestClient query = new HttpTestClient(restarted.queryPort());
      assertEquals(List.of("GET /cart", "charge"), operations(query, first), "from the block after a restart");
      assertEquals(List.of("GET /pay", "charge"), operations(query, second), "from the block or the replayed WAL");
      JsonNode services = query.get("/api/services").json().path("data");
      assertTrue(services.toString().contains("frontend") && services.toString().contains("checkout"), services.toString());
      JsonNode found = query.get("/api/traces?service=frontend&tags=%7B%22http.route%22%3A%22%2Fcart%22%7D").json();
      assertEquals(1, found.path("data").size(), found.toString());
      assertEquals(first, found.path("data").path(0).path("traceID").asText());

      StoredTraces metrics = new StoredTraces(restarted.queryPort(), restarted.adminPort());
      assertTrue(metrics.metric("ariadne_store_query_blocks_searched_total") >= 1, "the search read a block");
      assertTrue(metrics.metric("ariadne_store_blocks") >= 1);
      assertTrue(metrics.metric("ariadne_store_block_bytes") > 0);
      assertTrue(metrics.metric("ariadne_wal_segments") >= 1);
      String text = new HttpTestClient(restarted.adminPort()).get("/metrics").text();
      for (String name : List.of("ariadne_wal_fsyncs_total", "ariadne_wal_fsync_seconds_total", "ariadne_wal_bytes_total",
          "ariadne_store_head_traces", "ariadne_store_head_bytes", "ariadne_store_compactions_total",
          "ariadne_store_retention_deletions_total", "ariadne_store_query_row_groups_skipped_total",
          "ariadne_store_blocks{level=\"0\"}")) {
        assertTrue(text.contains(name), name + " on /metrics");
      }
    }
  }
}
