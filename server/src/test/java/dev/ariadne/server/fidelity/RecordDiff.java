package dev.ariadne.server.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/** Compares spans given as records field by field, naming each difference (and each map key that differs). */
final class RecordDiff {
  private RecordDiff() {}

  static <R extends Record> void assertSameSpans(String what, List<R> expected, List<R> actual, Function<R, String> id) {
    Map<String, R> want = byId(expected, id);
    Map<String, R> got = byId(actual, id);
    assertEquals(want.keySet(), got.keySet(), what + ": the span ids");
    List<String> differences = new ArrayList<>();
    want.forEach((spanId, span) -> differences.addAll(differences("span " + spanId, span, got.get(spanId))));
    if (!differences.isEmpty()) {
      fail(what + ": " + differences.size() + " differences\n  " + String.join("\n  ", differences));
    }
  }

  private static <R> Map<String, R> byId(List<R> spans, Function<R, String> id) {
    Map<String, R> byId = new LinkedHashMap<>();
    for (R span : spans) {
      if (byId.put(id.apply(span), span) != null) fail("span " + id.apply(span) + " appears twice");
    }
    return byId;
  }

  private static List<String> differences(String where, Record expected, Record actual) {
    List<String> differences = new ArrayList<>();
    for (RecordComponent c : expected.getClass().getRecordComponents()) {
      Object want = value(c, expected);
      Object got = value(c, actual);
      if (Objects.equals(want, got)) continue;
      if (want instanceof Map<?, ?> w && got instanceof Map<?, ?> g) {
        for (Object key : new TreeSet<Object>(union(w, g))) {
          if (!Objects.equals(w.get(key), g.get(key))) {
            differences.add(where + " " + c.getName() + "[" + key + "]: expected " + w.get(key) + " but was " + g.get(key));
          }
        }
      } else {
        differences.add(where + " " + c.getName() + ": expected " + want + " but was " + got);
      }
    }
    return differences;
  }

  private static List<Object> union(Map<?, ?> a, Map<?, ?> b) {
    List<Object> keys = new ArrayList<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private static Object value(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
