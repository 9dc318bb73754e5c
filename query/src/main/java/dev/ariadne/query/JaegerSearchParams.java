package dev.ariadne.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.TraceQuery;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the parameters of Jaeger's GET /api/traces the way Jaeger's query service does: service
 * (required unless traceID is given), operation, tags (a JSON object, repeatable) and tag (key:value,
 * repeatable), start and end (µs since the epoch), minDuration and maxDuration (Go durations), limit
 * (default 100), and traceID (repeatable; when present the other parameters are ignored). Parameters it
 * does not know are ignored, since UIs send extra ones. When start is absent, lookback (a Go duration,
 * as Jaeger UI sends it) bounds the search back from end.
 */
public final class JaegerSearchParams {
  public static final int DEFAULT_LIMIT = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TraceQuery query;
  private final List<TraceId> traceIds;

  private JaegerSearchParams(TraceQuery query, List<TraceId> traceIds) {
    this.query = query;
    this.traceIds = traceIds;
  }

  /** The search, or null when the request names trace ids instead. */
  public TraceQuery query() {
    return query;
  }

  /** The trace ids asked for by traceID parameters; empty for a search. */
  public List<TraceId> traceIds() {
    return traceIds;
  }

  public static JaegerSearchParams parse(Map<String, List<String>> params, long nowEpochMicros)
      throws BadParameterException {
    List<TraceId> ids = new ArrayList<>();
    for (String id : params.getOrDefault("traceID", List.of())) {
      ids.add(traceId("traceID", id));
    }
    if (!ids.isEmpty()) return new JaegerSearchParams(null, List.copyOf(ids));

    String service = first(params, "service");
    if (service == null || service.isEmpty()) {
      throw new BadParameterException("service", "is required");
    }
    String operation = first(params, "operation");
    long endMicros = micros(params, "end", nowEpochMicros);
    long startMicros = micros(params, "start", 0);
    String lookback = first(params, "lookback");
    if (startMicros == 0 && lookback != null && !lookback.isEmpty() && !lookback.equals("custom")) {
      startMicros = endMicros - duration("lookback", lookback) / 1_000;
    }
    long minDuration = durationParam(params, "minDuration");
    long maxDuration = durationParam(params, "maxDuration");
    if (minDuration != 0 && maxDuration != 0 && maxDuration < minDuration) {
      throw new BadParameterException("maxDuration", "must be at least minDuration");
    }
    TraceQuery query = TraceQuery.builder()
        .serviceName(service)
        .operationName(operation == null || operation.isEmpty() ? null : operation)
        .tags(tags(params))
        .durationNanos(minDuration, maxDuration)
        .startWithin(startMicros * 1_000, endMicros * 1_000)
        .limit(limit(params))
        .build();
    return new JaegerSearchParams(query, List.of());
  }

  public static TraceId traceId(String param, String hex) throws BadParameterException {
    try {
      return TraceId.parse(hex);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException(param, e.getMessage());
    }
  }

  private static int limit(Map<String, List<String>> params) throws BadParameterException {
    String text = first(params, "limit");
    if (text == null || text.isEmpty()) return DEFAULT_LIMIT;
    int limit;
    try {
      limit = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new BadParameterException("limit", "not an integer: \"" + text + "\"");
    }
    if (limit < 0) throw new BadParameterException("limit", "must not be negative, got " + limit);
    return limit == 0 ? DEFAULT_LIMIT : limit;
  }

  private static List<Map.Entry<String, String>> tags(Map<String, List<String>> params)
      throws BadParameterException {
    List<Map.Entry<String, String>> tags = new ArrayList<>();
    for (String pair : params.getOrDefault("tag", List.of())) {
      int colon = pair.indexOf(':');
      if (colon <= 0) {
        throw new BadParameterException("tag", "expected key:value, got \"" + pair + "\"");
      }
      tags.add(Map.entry(pair.substring(0, colon), pair.substring(colon + 1)));
    }
    for (String json : params.getOrDefault("tags", List.of())) {
      JsonNode node;
      try {
        node = JSON.readTree(json);
      } catch (JsonProcessingException e) {
        throw new BadParameterException("tags", "not valid JSON: " + e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) {
        throw new BadParameterException("tags", "expected a JSON object of tag names to values");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!field.getValue().isValueNode() || field.getValue().isNull()) {
          throw new BadParameterException("tags", "value of \"" + field.getKey() + "\" must be a string");
        }
        tags.add(Map.entry(field.getKey(), field.getValue().asText()));
      }
    }
    return tags;
  }

  private static long micros(Map<String, List<String>> params, String name, long absent)
      throws BadParameterException {
    String text = first(params, name);
    if (text == null || text.isEmpty()) return absent;
    try {
      long value = Long.parseLong(text);
      if (value < 0) throw new BadParameterException(name, "must not be negative, got " + value);
      return value;
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, "expected microseconds since the epoch, got \"" + text + "\"");
    }
  }

  private static long durationParam(Map<String, List<String>> params, String name)
      throws BadParameterException {
    String text = first(params, name);
    return text == null || text.isEmpty() ? 0 : duration(name, text);
  }

  private static long duration(String name, String text) throws BadParameterException {
    try {
      long nanos = GoDuration.parseNanos(text);
      if (nanos < 0) throw new BadParameterException(name, "must not be negative, got \"" + text + "\"");
      return nanos;
    } catch (IllegalArgumentException e) {
      throw new BadParameterException(name, e.getMessage());
    }
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }
}
