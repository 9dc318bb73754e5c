package dev.ariadne.model;

import java.util.List;

/**
 * One span, lossless for everything OTLP carries. Ids are primitives (a zero parent span id means a
 * root span); times are nanoseconds since the epoch; resource and scope are shared with the other spans
 * of the batch they arrived in.
 */
public record Span(
    Resource resource,
    InstrumentationScope scope,
    long traceIdHigh,
    long traceIdLow,
    long spanId,
    long parentSpanId,
    String traceState,
    int flags,
    String name,
    SpanKind kind,
    long startEpochNanos,
    long endEpochNanos,
    Attributes attributes,
    int droppedAttributesCount,
    List<SpanEvent> events,
    int droppedEventsCount,
    List<SpanLink> links,
    int droppedLinksCount,
    StatusCode statusCode,
    String statusMessage) {

  public Span {
    events = List.copyOf(events);
    links = List.copyOf(links);
  }

  public static Builder builder() {
    return new Builder();
  }

  public TraceId traceId() {
    return new TraceId(traceIdHigh, traceIdLow);
  }

  public boolean isRoot() {
    return parentSpanId == 0;
  }

  public String serviceName() {
    return resource.serviceName();
  }

  public long durationNanos() {
    return endEpochNanos - startEpochNanos;
  }

  /** A builder whose defaults are OTLP's defaults: empty strings, zero counts, no events or links. */
  public static final class Builder {
    private Resource resource = Resource.EMPTY;
    private InstrumentationScope scope = InstrumentationScope.EMPTY;
    private long traceIdHigh;
    private long traceIdLow;
    private long spanId;
    private long parentSpanId;
    private String traceState = "";
    private int flags;
    private String name = "";
    private SpanKind kind = SpanKind.UNSPECIFIED;
    private long startEpochNanos;
    private long endEpochNanos;
    private Attributes attributes = Attributes.EMPTY;
    private int droppedAttributesCount;
    private List<SpanEvent> events = List.of();
    private int droppedEventsCount;
    private List<SpanLink> links = List.of();
    private int droppedLinksCount;
    private StatusCode statusCode = StatusCode.UNSET;
    private String statusMessage = "";

    private Builder() {}

    public Builder resource(Resource resource) {
      this.resource = resource;
      return this;
    }

    public Builder scope(InstrumentationScope scope) {
      this.scope = scope;
      return this;
    }

    public Builder traceId(TraceId traceId) {
      return traceId(traceId.high(), traceId.low());
    }

    public Builder traceId(long high, long low) {
      this.traceIdHigh = high;
      this.traceIdLow = low;
      return this;
    }

    public Builder spanId(long spanId) {
      this.spanId = spanId;
      return this;
    }

    public Builder parentSpanId(long parentSpanId) {
      this.parentSpanId = parentSpanId;
      return this;
    }

    public Builder traceState(String traceState) {
      this.traceState = traceState;
      return this;
    }

    public Builder flags(int flags) {
      this.flags = flags;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder kind(SpanKind kind) {
      this.kind = kind;
      return this;
    }

    public Builder startEpochNanos(long startEpochNanos) {
      this.startEpochNanos = startEpochNanos;
      return this;
    }

    public Builder endEpochNanos(long endEpochNanos) {
      this.endEpochNanos = endEpochNanos;
      return this;
    }

    public Builder attributes(Attributes attributes) {
      this.attributes = attributes;
      return this;
    }

    public Builder droppedAttributesCount(int count) {
      this.droppedAttributesCount = count;
      return this;
    }

    public Builder events(List<SpanEvent> events) {
      this.events = events;
      return this;
    }

    public Builder droppedEventsCount(int count) {
      this.droppedEventsCount = count;
      return this;
    }

    public Builder links(List<SpanLink> links) {
      this.links = links;
      return this;
    }

    public Builder droppedLinksCount(int count) {
      this.droppedLinksCount = count;
      return this;
    }

    public Builder status(StatusCode code, String message) {
      this.statusCode = code;
      this.statusMessage = message;
      return this;
    }

    public Span build() {
      return new Span(resource, scope, traceIdHigh, traceIdLow, spanId, parentSpanId, traceState, flags,
          name, kind, startEpochNanos, endEpochNanos, attributes, droppedAttributesCount, events,
          droppedEventsCount, links, droppedLinksCount, statusCode, statusMessage);
    }
  }
}
