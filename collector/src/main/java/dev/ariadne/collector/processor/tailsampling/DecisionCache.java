package dev.ariadne.collector.processor.tailsampling;

import dev.ariadne.model.TraceId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The most recently decided trace ids, at most {@code size} of them; size 0 remembers nothing. */
final class DecisionCache {
  private final int size;
  private final Map<TraceId, Boolean> ids;

  DecisionCache(int size) {
    this.size = size;
    this.ids = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<TraceId, Boolean> eldest) {
        return size() > DecisionCache.this.size;
      }
    };
  }

  void put(TraceId id) {
    if (size > 0) ids.put(id, Boolean.TRUE);
  }

  boolean contains(TraceId id) {
    return ids.get(id) != null;
  }
}
