package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ariadne.model.TraceId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One pipeline through every processor type, from the OpenTelemetry SDK to a collector and on over OTLP
 * to an all-in-one server, where the Jaeger API shows what each processor did.
 */
class EveryProcessorPipelineTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void everyProcessorActsOnTheWay() throws Exception {
    try (AllInOne downstream = new AllInOne(AllInOneConfig.ephemeral()).start()) {
      String yaml = """
          receivers:
            otlp:
              protocols:
                grpc:
          processors:
            memory_limiter:
              check_interval: 1s
              limit_percentage: 95
              spike_limit_percentage: 5
            probabilistic_sampler:
              sampling_percentage: 100
            filter:
              traces:
                span:
                  - name == "load-batch"
            attributes:
              actions:
                - key: team
                  value: shop
                  action: insert
            resource:
              attributes:
                - key: environment
                  value: test
                  action: upsert
            batch:
              timeout: 50ms
            tail_sampling:
              decision_wait: 1s
              policies:
                - name: errors
                  type: status_code
                  status_code: {status_codes: [ERROR]}
          exporters:
            otlp:
              endpoint: 127.0.0.1:%d
              tls:
                insecure: true
          service:
            pipelines:
              traces:
                receivers: [otlp]
                processors: [memory_limiter, probabilistic_sampler, filter, attributes, resource, batch, tail_sampling]
                exporters: [otlp]
          """.formatted(downstream.otlpGrpcPort());
      try (CollectorRole collector = new CollectorRole(CollectorConfigs.load(CollectorConfigs.onFreePorts(yaml, dir)))) {
        SdkTraces.Shop shop = SdkTraces.sendShop(collector.listeningPorts().get("OTLP gRPC"), "every", System.currentTimeMillis() * 1_000_000);
        StoredTraces stored = new StoredTraces(downstream.queryPort(), downstream.adminPort());
        List<String> spanIds = stored.awaitSpans(TraceId.parse(shop.traceId()), 2);
        // filter dropped load-batch; tail sampling kept the trace for its error.
        assertEquals(List.of(shop.rootSpanId(), shop.callSpanId()).stream().sorted().toList(),
            spanIds.stream().sorted().toList());

        JsonNode trace = new HttpTestClient(downstream.queryPort()).get("/api/traces/" + shop.traceId()).json().path("data").path(0);
        for (JsonNode span : trace.path("spans")) {
          assertTrue(tags(span.path("tags")).contains("team=shop"), span.toString());
        }
        for (JsonNode process : trace.path("processes")) {
          assertTrue(tags(process.path("tags")).contains("environment=test"), process.toString());
        }
        String metrics = new HttpTestClient(collector.listeningPorts().get("metrics")).get("/metrics").text();
        assertTrue(metrics.contains("otelcol_processor_incoming_items_total{otel_signal=\"traces\",processor=\"filter\"} 3.0"), metrics);
        assertTrue(metrics.contains("otelcol_processor_outgoing_items_total{otel_signal=\"traces\",processor=\"filter\"} 2.0"), metrics);
      }
    }
  }

  private static List<String> tags(JsonNode tags) {
    List<String> pairs = new ArrayList<>();
    for (JsonNode tag : tags) pairs.add(tag.path("key").asText() + "=" + tag.path("value").asText());
    return pairs;
  }
}
