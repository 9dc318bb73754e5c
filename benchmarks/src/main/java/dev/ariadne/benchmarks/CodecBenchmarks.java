package dev.ariadne.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ariadne.codec.jaeger.JaegerJsonWriter;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.codec.otlp.OtlpProtoDecoder;
import dev.ariadne.codec.otlp.OtlpProtoEncoder;
import dev.ariadne.codec.otlp.OtlpProtoWriter;
import dev.ariadne.codec.zipkin.ZipkinDecoder;
import dev.ariadne.codec.zipkin.ZipkinEncoder;
import dev.ariadne.model.Span;
import dev.ariadne.model.TraceId;
import dev.ariadne.tracegen.TraceGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import zipkin2.codec.SpanBytesDecoder;
import zipkin2.codec.SpanBytesEncoder;

/**
 * The codec hot paths on tracegen's corpus: decoding a request of 10 traces (about 170 spans) into the
 * model, as an OTLP export request and as a Zipkin JSON v2 span list; encoding the same spans as OTLP
 * protobuf bytes (what the local store's WAL does per batch), through protobuf's messages and straight;
 * and writing a 1,000-span trace as Jaeger UI JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
public class CodecBenchmarks {
  private static final long START = 1_790_000_000_000_000_000L;
  private static final JsonFactory JSON = new JsonFactory();

  private List<Span> batch;
  private byte[] otlpRequest;
  private byte[] zipkinJsonRequest;
  private List<Span> bigTrace;

  @Setup
  public void setUp() {
    TraceGenerator generator = new TraceGenerator(1, START);
    batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) batch.addAll(generator.nextTrace());
    otlpRequest = OtlpProtoEncoder.encode(batch).toByteArray();
    System.err.printf("otlpProtoDecode: one request of %d spans, %d bytes%n", batch.size(), otlpRequest.length);
    zipkinJsonRequest = SpanBytesEncoder.JSON_V2.encodeList(ZipkinEncoder.toZipkin(batch));
    System.err.printf("zipkinJsonDecode: the same spans, %d bytes%n", zipkinJsonRequest.length);

    // A 1,000-span trace: tracegen's spans re-parented under one trace id.
    bigTrace = new ArrayList<>(1_000);
    while (bigTrace.size() < 1_000) {
      for (Span s : generator.nextTrace()) {
        if (bigTrace.size() < 1_000) {
          bigTrace.add(new Span(s.resource(), s.scope(), 1, 2, s.spanId(), s.parentSpanId(), s.traceState(),
              s.flags(), s.name(), s.kind(), s.startEpochNanos(), s.endEpochNanos(), s.attributes(),
              s.droppedAttributesCount(), s.events(), s.droppedEventsCount(), s.links(), s.droppedLinksCount(),
              s.statusCode(), s.statusMessage()));
        }
      }
    }
  }

  /** Per request; the set-up prints how many spans one request holds. */
  @Benchmark
  public DecodedSpans otlpProtoDecode() throws Exception {
    return OtlpProtoDecoder.decode(otlpRequest);
  }

  /** Per request of the same spans as otlpProtoDecode: Zipkin's library parses, ZipkinToModel maps. */
  @Benchmark
  public DecodedSpans zipkinJsonDecode() throws Exception {
    return ZipkinDecoder.decode(SpanBytesDecoder.JSON_V2, zipkinJsonRequest);
  }

  /** Per request of the same spans as otlpProtoDecode, through protobuf's generated messages. */
  @Benchmark
  public byte[] otlpProtoEncodeMessages() {
    return OtlpProtoEncoder.encode(batch).toByteArray();
  }

  /** The same bytes as otlpProtoEncodeMessages, written straight from the model. */
  @Benchmark
  public byte[] otlpProtoWrite() {
    return OtlpProtoWriter.write(batch);
  }

  @Benchmark
  public int jaegerJsonEncode1000SpanTrace() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      JaegerJsonWriter.writeTrace(g, new TraceId(1, 2), bigTrace);
    }
    return out.size();
  }
}
