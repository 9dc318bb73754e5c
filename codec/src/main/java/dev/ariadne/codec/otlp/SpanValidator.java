package dev.ariadne.codec.otlp;

import java.util.ArrayList;
import java.util.List;

/**
 * The OTLP rules a span must pass to be stored: ids of the right length and not all zero. A span that
 * fails is rejected alone (the request's other spans are kept) and the reason is collected for the
 * partial_success message; only the first few reasons are kept so a hostile batch cannot make the
 * message huge.
 */
public final class SpanValidator {
  private static final int MAX_REASONS = 5;

  private final List<String> reasons = new ArrayList<>();
  private long rejected;

  /** Returns null if the ids are valid, else the reason. */
  static String checkIds(int traceIdLength, boolean traceIdZero, int spanIdLength, boolean spanIdZero,
      int parentIdLength) {
    if (traceIdLength != 16) return "trace_id must be 16 bytes, got " + traceIdLength;
    if (traceIdZero) return "trace_id must not be all zeros";
    if (spanIdLength != 8) return "span_id must be 8 bytes, got " + spanIdLength;
    if (spanIdZero) return "span_id must not be all zeros";
    if (parentIdLength != 0 && parentIdLength != 8) {
      return "parent_span_id must be empty or 8 bytes, got " + parentIdLength;
    }
    return null;
  }

  public void reject(String where, String reason) {
    rejected++;
    if (reasons.size() < MAX_REASONS) reasons.add(where + ": " + reason);
  }

  public long rejected() {
    return rejected;
  }

  public String message() {
    if (rejected == 0) return "";
    String joined = String.join("; ", reasons);
    return rejected > reasons.size()
        ? "rejected " + rejected + " spans: " + joined + "; and " + (rejected - reasons.size()) + " more"
        : "rejected " + rejected + " span" + (rejected == 1 ? "" : "s") + ": " + joined;
  }
}
