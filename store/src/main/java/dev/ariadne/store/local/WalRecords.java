package dev.ariadne.store.local;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.codec.otlp.OtlpProtoDecoder;
import dev.ariadne.codec.otlp.OtlpProtoWriter;
import dev.ariadne.model.Span;
import java.util.List;

/**
 * What one WAL record holds: a batch of spans as an OTLP ExportTraceServiceRequest. OTLP protobuf is
 * lossless for the span model (codec's round-trip tests prove it) and leaves the WAL readable by any
 * OTLP tool. Written straight from the model, without protobuf's message objects: on the ingest path.
 */
final class WalRecords {
  private WalRecords() {}

  static byte[] encode(List<Span> spans) {
    return OtlpProtoWriter.write(spans);
  }

  static DecodedSpans decode(byte[] record) throws InvalidProtocolBufferException {
    return OtlpProtoDecoder.decode(record);
  }
}
