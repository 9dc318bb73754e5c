package dev.ariadne.server.api.tempo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import dev.ariadne.codec.otlp.OtlpJsonEncoder;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanId;
import dev.ariadne.query.TempoSearch;
import dev.ariadne.query.traceql.AttributeScope;
import dev.ariadne.query.traceql.FieldExpr.AttributeRef;
import dev.ariadne.query.traceql.TraceView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Tempo's search answer, a {@code tempopb.SearchResponse} as jsonpb writes it (fields at their default left
 * out, 64-bit numbers as strings):
 *
 * <pre>
 * {"traces":[{"traceID","rootServiceName","rootTraceName","startTimeUnixNano","durationMs",
 *             "spanSet":{…},"spanSets":[{"spans":[{"spanID","name","startTimeUnixNano","durationNanos",
 *             "attributes":[…]}],"matched":n}]}],
 *  "metrics":{"inspectedTraces":n,"completedJobs":1,"totalJobs":1}}
 * </pre>
 *
 * Trace ids are hex without leading zeros, as Tempo prints them in search results. Each shown span carries
 * its service name and the attributes the query looked at; {@code spanSet} repeats the first spanset for
 * clients older than {@code spanSets}.
 */
final class SearchResponse {
  /** What Tempo shows for a trace whose root span it does not have. */
  static final String ROOT_NOT_RECEIVED = "<root span not yet received>";
  private static final JsonFactory JSON = new JsonFactory();

  private SearchResponse() {}

  static HttpResponse of(TempoSearch search, TempoSearch.Result result) {
    List<AttributeRef> shown = search.query().attributes();
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      if (!result.matches().isEmpty()) {
        g.writeArrayFieldStart("traces");
        for (TempoSearch.Match match : result.matches()) trace(g, match, search.spansPerSpanSet(), shown);
        g.writeEndArray();
      }
      g.writeObjectFieldStart("metrics");
      if (result.inspectedTraces() > 0) g.writeNumberField("inspectedTraces", result.inspectedTraces());
      g.writeNumberField("completedJobs", 1);
      g.writeNumberField("totalJobs", 1);
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON, out.toByteArray());
  }

  private static void trace(JsonGenerator g, TempoSearch.Match match, int spss, List<AttributeRef> shown)
      throws IOException {
    TraceView trace = match.trace();
    Span root = trace.root();
    g.writeStartObject();
    g.writeStringField("traceID", withoutLeadingZeros(trace.trace().traceId().toHex()));
    g.writeStringField("rootServiceName", root == null ? ROOT_NOT_RECEIVED : root.serviceName());
    if (root != null && !root.name().isEmpty()) g.writeStringField("rootTraceName", root.name());
    uint64(g, "startTimeUnixNano", trace.startEpochNanos());
    long durationMs = trace.durationNanos() / 1_000_000;
    if (durationMs != 0) g.writeNumberField("durationMs", durationMs);
    g.writeFieldName("spanSet");
    spanSet(g, match.spans(), spss, shown);
    g.writeArrayFieldStart("spanSets");
    spanSet(g, match.spans(), spss, shown);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void spanSet(JsonGenerator g, List<Span> spans, int spss, List<AttributeRef> shown)
      throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("spans");
    for (Span span : spans.subList(0, Math.min(spss, spans.size()))) {
      g.writeStartObject();
      g.writeStringField("spanID", SpanId.toHex(span.spanId()));
      if (!span.name().isEmpty()) g.writeStringField("name", span.name());
      uint64(g, "startTimeUnixNano", span.startEpochNanos());
      uint64(g, "durationNanos", span.durationNanos());
      g.writeFieldName("attributes");
      OtlpJsonEncoder.writeKeyValues(g, shownAttributes(span, shown));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("matched", spans.size());
    g.writeEndObject();
  }

  /** The span's service name, then each attribute the query looked at that the span (or its resource) has. */
  private static Attributes shownAttributes(Span span, List<AttributeRef> shown) {
    Attributes.Builder b = Attributes.builder(1 + shown.size());
    b.put(Resource.SERVICE_NAME, span.serviceName());
    for (AttributeRef ref : shown) {
      if (ref.scope() != AttributeScope.SPAN && ref.name().equals(Resource.SERVICE_NAME)) continue;
      Object value = ref.scope() == AttributeScope.RESOURCE ? null : span.attributes().get(ref.name());
      if (value == null && ref.scope() != AttributeScope.SPAN) value = span.resource().attributes().get(ref.name());
      if (value != null) b.put(ref.name(), value);
    }
    return b.build();
  }

  private static void uint64(JsonGenerator g, String field, long value) throws IOException {
    if (value != 0) g.writeStringField(field, Long.toUnsignedString(value));
  }

  private static String withoutLeadingZeros(String hex) {
    int i = 0;
    while (i < hex.length() - 1 && hex.charAt(i) == '0') i++;
    return hex.substring(i);
  }
}
