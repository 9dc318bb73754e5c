package dev.ariadne.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ariadne.model.SpanKind;
import dev.ariadne.store.TraceQuery;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The query parameters of Jaeger's HTTP API v3 (/api/v3/…), read as Jaeger's HTTP gateway reads them:
 * canonical camelCase names ({@code query.serviceName}, proto3's JSON names) first, then the snake_case
 * aliases Jaeger still accepts ({@code query.service_name}); empty values count as absent, the first of
 * repeated values wins, unknown parameters are ignored. Times are RFC 3339, durations Go durations, and
 * {@code query.attributes} a JSON object of attribute name to value.
 */
public final class JaegerV3Params {
  /** Jaeger's default search depth when none is given. */
  public static final int DEFAULT_SEARCH_DEPTH = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<String>> params;

  public JaegerV3Params(Map<String, List<String>> params) {
    this.params = params;
  }

  /** A parameter found, under the name the request used. */
  public record Param(String name, String value) {}

  /** The first of {@code names} present with a non-empty value, or null. */
  public Param find(String... names) {
    for (String name : names) {
      List<String> values = params.get(name);
      if (values != null && !values.isEmpty() && !values.getFirst().isEmpty()) {
        return new Param(name, values.getFirst());
      }
    }
    return null;
  }

  /** An RFC 3339 timestamp in epoch nanoseconds, or null when absent. */
  public Long timestampNanos(String... names) throws BadParameterException {
    Param p = find(names);
    return p == null ? null : Rfc3339.parseNanos(p.name(), p.value());
  }

  /** A boolean as Go's strconv.ParseBool reads it; false when absent. */
  public boolean bool(String... names) throws BadParameterException {
    Param p = find(names);
    if (p == null) return false;
    return switch (p.value()) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw new BadParameterException(p.name(), "expected true or false, got \"" + p.value() + "\"");
    };
  }

  /** The span kind of /api/v3/operations ({@code spanKind}), or null for any kind. */
  public SpanKind spanKind() throws BadParameterException {
    Param p = find("spanKind", "span_kind");
    return p == null ? null : spanKind(p.name(), p.value());
  }

  /** A Jaeger span kind name (server, client, producer, consumer, internal), any case. */
  public static SpanKind spanKind(String parameter, String text) throws BadParameterException {
    for (SpanKind kind : SpanKind.values()) {
      if (kind != SpanKind.UNSPECIFIED && kind.jaegerName().equals(text.toLowerCase(Locale.ROOT))) return kind;
    }
    throw new BadParameterException(parameter,
        "expected one of server, client, producer, consumer, internal; got \"" + text + "\"");
  }

  /**
   * The search of /api/v3/traces and /api/v3/trace-summaries. {@code query.startTimeMin} and
   * {@code query.startTimeMax} are required, as in Jaeger.
   */
  public TraceQuery search() throws BadParameterException {
    if (find("query.filter") != null) {
      // Jaeger refuses the structured filter unless an alpha feature gate is on; dropping it would
      // answer with more traces than were asked for.
      throw new BadParameterException("query.filter", "the structured query filter is not supported");
    }
    Param min = find("query.startTimeMin", "query.start_time_min");
    Param max = find("query.startTimeMax", "query.start_time_max");
    if (min == null || max == null) {
      throw new BadParameterException(min == null ? "query.startTimeMin" : "query.startTimeMax",
          "is required (query.startTimeMin and query.startTimeMax are both required)");
    }
    long startMin = Rfc3339.parseNanos(min.name(), min.value());
    long startMax = Rfc3339.parseNanos(max.name(), max.value());
    if (startMin >= startMax) {
      throw new BadParameterException(max.name(), "must be after " + min.name());
    }
    long durationMin = duration("query.durationMin", "query.duration_min");
    long durationMax = duration("query.durationMax", "query.duration_max");
    if (durationMin != 0 && durationMax != 0 && durationMax < durationMin) {
      throw new BadParameterException("query.durationMax", "must be at least query.durationMin");
    }
    bool("query.rawTraces", "query.raw_traces"); // validated; stored traces are never adjusted anyway
    Param service = find("query.serviceName", "query.service_name");
    Param operation = find("query.operationName", "query.operation_name");
    return traceQuery(service == null ? null : service.value(), operation == null ? null : operation.value(),
        attributes(), startMin, startMax, durationMin, durationMax,
        searchDepth("query.searchDepth", "query.num_traces", "query.search_depth"));
  }

  /**
   * The search API v3 describes, over HTTP or gRPC: null or empty strings and zero durations mean any;
   * {@code startMaxNanos} is exclusive; a search depth of 0 means {@value #DEFAULT_SEARCH_DEPTH}.
   */
  public static TraceQuery traceQuery(String service, String operation, List<Map.Entry<String, String>> attributes,
      long startMinNanos, long startMaxNanos, long durationMinNanos, long durationMaxNanos, int searchDepth) {
    return TraceQuery.builder()
        .serviceName(service == null || service.isEmpty() ? null : service)
        .operationName(operation == null || operation.isEmpty() ? null : operation)
        .tags(attributes)
        .durationNanos(durationMinNanos, durationMaxNanos)
        // The store's end bound is inclusive.
        .startWithin(startMinNanos, startMaxNanos == 0 ? 0 : startMaxNanos - 1)
        .limit(searchDepth == 0 ? DEFAULT_SEARCH_DEPTH : searchDepth)
        .build();
  }

  private long duration(String... names) throws BadParameterException {
    Param p = find(names);
    if (p == null) return 0;
    long nanos;
    try {
      nanos = GoDuration.parseNanos(p.value());
    } catch (IllegalArgumentException e) {
      throw new BadParameterException(p.name(), e.getMessage());
    }
    if (nanos < 0) throw new BadParameterException(p.name(), "must not be negative, got \"" + p.value() + "\"");
    return nanos;
  }

  private int searchDepth(String... names) throws BadParameterException {
    Param p = find(names);
    if (p == null) return DEFAULT_SEARCH_DEPTH;
    int depth;
    try {
      depth = Integer.parseInt(p.value());
    } catch (NumberFormatException e) {
      throw new BadParameterException(p.name(), "not an integer: \"" + p.value() + "\"");
    }
    if (depth < 0) throw new BadParameterException(p.name(), "must not be negative, got " + depth);
    return depth;
  }

  /** {@code query.attributes}: a JSON object whose values are strings (numbers and booleans read as text). */
  private List<Map.Entry<String, String>> attributes() throws BadParameterException {
    Param p = find("query.attributes");
    if (p == null) return List.of();
    JsonNode node;
    try {
      node = JSON.readTree(p.value());
    } catch (JsonProcessingException e) {
      throw new BadParameterException(p.name(), "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadParameterException(p.name(), "expected a JSON object of attribute names to values");
    }
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw new BadParameterException(p.name(), "value of \"" + field.getKey() + "\" must be a string");
      }
      out.add(Map.entry(field.getKey(), field.getValue().asText()));
    }
    return out;
  }
}
